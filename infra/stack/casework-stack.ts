// The Casework stack: everything is read from infra/manifest.ts, so nothing is declared twice.
import { ArnFormat, Stack, type StackProps } from 'aws-cdk-lib';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { stateMachineEnvName, type Manifest } from '../manifest-types.js';
import { executionReadStatements, stateMachineStatement } from './access.js';
import { createAlarms } from './alarms.js';
import { CaseworkApi } from './api.js';
import { prefixOf, type Stage } from './context.js';
import { createFunctions } from './functions.js';
import { grantSendMail } from './mail.js';
import { acknowledgeExecutionReads } from './nag.js';
import { createSchedules } from './schedules.js';
import { createStateMachines } from './state-machines.js';
import { createStreams } from './streams.js';
import { createTables } from './tables.js';
import { WebApp } from './web.js';

export interface CaseworkStackProps extends StackProps {
  stage: Stage;
  manifest: Manifest;
}

export class CaseworkStack extends Stack {
  readonly tables;
  readonly functions;
  readonly stateMachines: Map<string, StateMachine>;
  readonly api;
  readonly web;

  constructor(scope: Construct, id: string, props: CaseworkStackProps) {
    super(scope, id, props);
    const { stage, manifest } = props;

    this.web = new WebApp(this, 'Web', stage);
    this.tables = createTables(this, stage, manifest.tables);
    const indexes = new Map(manifest.tables.map((t) => [t.name, (t.indexes ?? []).map((i) => i.name)]));
    this.functions = createFunctions(this, stage, manifest.functions, this.tables, indexes, { WEB_BASE_URL: this.web.url });

    for (const spec of manifest.functions) {
      const fn = this.functions.get(spec.name);
      if (spec.sendsMail && fn) grantSendMail(fn);
    }

    this.stateMachines = createStateMachines(this, stage, manifest.stateMachines, this.functions, this.tables);
    for (const spec of manifest.functions) {
      const fn = this.functions.get(spec.name);
      for (const machineName of spec.stateMachines ?? []) {
        if (!fn || !this.stateMachines.has(machineName)) throw new Error(`function ${spec.name}: unknown state machine ${machineName}`);
        // Built from the machine's name, not a reference to it: a function the machine invokes (keep-task-token wakes
        // the very wait that invoked it) would otherwise depend on the machine that depends on it.
        const arn = this.formatArn({ service: 'states', resource: 'stateMachine', resourceName: `${prefixOf(stage)}-${machineName}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
        fn.addEnvironment(stateMachineEnvName(machineName), arn);
        fn.addToRolePolicy(stateMachineStatement(arn));
      }
      for (const machineName of spec.readsExecutions ?? []) {
        if (!fn || !this.stateMachines.has(machineName)) throw new Error(`function ${spec.name}: unknown state machine ${machineName}`);
        const deployed = `${prefixOf(stage)}-${machineName}`;
        const arn = this.formatArn({ service: 'states', resource: 'stateMachine', resourceName: deployed, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
        const executions = this.formatArn({ service: 'states', resource: 'execution', resourceName: `${deployed}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
        fn.addEnvironment(stateMachineEnvName(machineName), arn);
        for (const statement of executionReadStatements(arn, executions)) fn.addToRolePolicy(statement);
        acknowledgeExecutionReads(fn, deployed);
      }
    }

    const streams = createStreams(this, manifest.streams, this.functions, this.tables);
    this.api = new CaseworkApi(this, 'Api', stage, manifest.routes, this.functions, this.web.url);
    this.web.deploy({ apiUrl: this.api.api.apiEndpoint, cognitoDomain: this.api.cognitoDomain, clientId: this.api.client.userPoolClientId });
    createSchedules(this, stage, manifest.schedules, this.functions, this.stateMachines);
    createAlarms(this, stage, this.stateMachines, streams, manifest.functions, this.functions);
  }
}
