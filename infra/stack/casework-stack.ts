// The Casework stack: everything is read from infra/manifest.ts, so nothing is declared twice.
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { stateMachineEnvName, type Manifest } from '../manifest-types.js';
import { stateMachineStatement } from './access.js';
import { createAlarms } from './alarms.js';
import { CaseworkApi } from './api.js';
import type { Stage } from './context.js';
import { createFunctions } from './functions.js';
import { grantSendMail } from './mail.js';
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
  readonly stateMachines;
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
        const machine = this.stateMachines.get(machineName);
        if (!fn || !machine) throw new Error(`function ${spec.name}: unknown state machine ${machineName}`);
        fn.addEnvironment(stateMachineEnvName(machineName), machine.stateMachineArn);
        fn.addToRolePolicy(stateMachineStatement(machine));
      }
    }

    const streams = createStreams(this, manifest.streams, this.functions, this.tables);
    this.api = new CaseworkApi(this, 'Api', stage, manifest.routes, this.functions, this.web.url);
    createSchedules(this, stage, manifest.schedules, this.functions, this.stateMachines);
    createAlarms(this, stage, this.stateMachines, streams, manifest.functions, this.functions);
  }
}
