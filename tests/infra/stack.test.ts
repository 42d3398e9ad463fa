// The CDK stack holds a resource for everything the manifest declares, with least-privilege IAM and JWT auth.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Stack, type CfnResource } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOW_LOOPBACK_ENV } from '../../adapters/webhook/target-policy.js';
import { manifest } from '../../infra/manifest.js';
import { stateMachineEnvName, tableEnvName } from '../../infra/manifest-types.js';
import { buildApp } from '../../infra/stack/build.js';
import { CaseworkStack } from '../../infra/stack/casework-stack.js';
import { fromRoot } from '../../infra/stack/context.js';
import { scratchDir } from '../support/scratch-dir.js';

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}

let app: App;
let stack: CaseworkStack;
let template: Template;
let resources: Record<string, Resource>;

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

function logicalId(construct: { node: { defaultChild?: unknown } }): string {
  return Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnResource);
}

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** The statements of every policy attached to a role, by the role's logical id. */
function roleStatements(from: Record<string, Resource>, roleId: string): Statement[] {
  return Object.values(from)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Each Lambda function of a template with its environment and the statements of its role. */
function lambdas(from: Record<string, Resource>) {
  return Object.entries(from)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
    .map(([id, r]) => {
      const roleId = (r.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const env = ((r.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});
      return { id, env, statements: roleStatements(from, roleId) };
    });
}

/** A variant of the manifest: alarms, schedules and the sending address changed, to see the template follow. */
function variantStack(changed: Partial<typeof manifest>, context: Record<string, string> = {}) {
  const variantApp = new App({ outdir: scratchDir('casework-cdk-'), context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const built = new CaseworkStack(variantApp, 'Variant', { stage: 'dev', manifest: { ...manifest, ...changed } });
  const t = Template.fromStack(built);
  return { stack: built, template: t, resources: t.toJSON().Resources as Record<string, Resource> };
}

beforeAll(() => {
  // Skip NodejsFunction bundling (esbuild) and cdk-nag: `npm run synth` covers both.
  app = new App({ outdir: scratchDir('casework-cdk-'), context: { stage: 'dev', 'aws:cdk:bundling-stacks': [] } });
  stack = buildApp(app, { nag: false });
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 60_000);

describe('tables', () => {
  it.each(manifest.tables.map((t) => [t.name, t] as const))('%s: keys, indexes and what they project, stream, TTL, PITR, on-demand', (_name, spec) => {
    const keySchema = [
      { AttributeName: spec.partitionKey.name, KeyType: 'HASH' },
      ...(spec.sortKey ? [{ AttributeName: spec.sortKey.name, KeyType: 'RANGE' }] : []),
    ];
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: `casework-dev-${spec.name}`,
      KeySchema: keySchema,
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    const [, table] = ofType('AWS::DynamoDB::Table').find(([, r]) => r.Properties.TableName === `casework-dev-${spec.name}`)!;
    const gsis = (table.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string; Projection: { ProjectionType: string; NonKeyAttributes?: string[] } }[];
    expect(gsis.map((g) => g.IndexName).sort()).toEqual((spec.indexes ?? []).map((i) => i.name).sort());
    for (const gsi of gsis) {
      const project = spec.indexes?.find((i) => i.name === gsi.IndexName)?.project;
      const expected = !project ? { ProjectionType: 'ALL' } : project.length === 0 ? { ProjectionType: 'KEYS_ONLY' } : { ProjectionType: 'INCLUDE', NonKeyAttributes: project };
      expect(gsi.Projection, gsi.IndexName).toEqual(expected);
    }
    expect((table.Properties.StreamSpecification as { StreamViewType?: string } | undefined)?.StreamViewType).toBe(spec.stream);
    expect((table.Properties.TimeToLiveSpecification as { AttributeName?: string } | undefined)?.AttributeName).toBe(spec.ttlAttribute);
  });
});

describe('functions', () => {
  it('one Lambda function per manifest function, arm64 Node 22 with handler `handler`', () => {
    for (const spec of manifest.functions) {
      const fn = stack.functions.get(spec.name);
      expect(fn, spec.name).toBeDefined();
      const props = resources[logicalId(fn!)]!.Properties;
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Handler).toBe('index.handler');
      const env = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const machine of [...(spec.stateMachines ?? []), ...(spec.readsExecutions ?? [])]) expect(env).toHaveProperty(stateMachineEnvName(machine));
      expect(env).toHaveProperty('WEB_BASE_URL');
    }
  });

  it("a function is given the names of exactly its manifest entry's tables", () => {
    for (const spec of manifest.functions) {
      const env = (resources[logicalId(stack.functions.get(spec.name)!)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const expected = Object.fromEntries(Object.keys(spec.tables ?? {}).map((t) => [tableEnvName(t), { Ref: logicalId(stack.tables.get(t)!) }]));
      const given = Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('TABLE_')));
      expect(given, spec.name).toEqual(expected);
    }
    // Not every function may see every table, or the check above says nothing.
    expect(manifest.functions.some((f) => Object.keys(f.tables ?? {}).length < manifest.tables.length)).toBe(true);
  });

  it('no function is given the name of a table its role may not use', () => {
    const functions = lambdas(resources);
    expect(functions.length).toBeGreaterThanOrEqual(manifest.functions.length);
    let named = 0;
    for (const fn of functions) {
      const granted = JSON.stringify(fn.statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:'))).map((s) => s.Resource));
      for (const [key, value] of Object.entries(fn.env)) {
        const ref = (value as { Ref?: string }).Ref;
        if (!ref || resources[ref]?.Type !== 'AWS::DynamoDB::Table') continue;
        named++;
        expect(granted, `${fn.id} ${key}`).toContain(JSON.stringify({ 'Fn::GetAtt': [ref, 'Arn'] }));
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it('no secret, nor a reference to one, in any function environment', () => {
    const functions = lambdas(resources);
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const text = JSON.stringify(fn.env);
      expect(text, fn.id).not.toMatch(/secretsmanager|ssm-secure|SecretString/i);
      expect(Object.keys(fn.env).filter((k) => /PASSWORD|SECRET|CREDENTIAL|SMTP_USER/i.test(k)), fn.id).toEqual([]);
    }
    expect(JSON.stringify(resources)).not.toContain('{{resolve:secretsmanager');
  });

  it('no function may send a webhook to loopback: that is for the local runtime only', () => {
    const functions = lambdas(resources);
    expect(functions.length).toBeGreaterThanOrEqual(manifest.functions.length);
    expect(ALLOW_LOOPBACK_ENV).toBe('CASEWORK_WEBHOOK_ALLOW_LOOPBACK');
    expect(functions.filter((fn) => ALLOW_LOOPBACK_ENV in fn.env).map((fn) => fn.id)).toEqual([]);
    expect(manifest.functions.filter((f) => f.environment && ALLOW_LOOPBACK_ENV in f.environment).map((f) => f.name)).toEqual([]);
  });

  it('no IAM policy allows dynamodb:Scan or a dynamodb wildcard', () => {
    const actions = ofType('AWS::IAM::Policy').flatMap(([, r]) =>
      ((r.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement).flatMap((s) =>
        Array.isArray(s.Action) ? s.Action : [s.Action],
      ),
    );
    expect(actions.length).toBeGreaterThan(0);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => a.startsWith('dynamodb:') && a.includes('*'))).toEqual([]);
    expect(actions).not.toContain('*');
  });

  it('table access follows the manifest (read-only functions cannot write)', () => {
    for (const spec of manifest.functions) {
      const fn = stack.functions.get(spec.name)!;
      const roleId = logicalId(fn.role as never);
      const policies = ofType('AWS::IAM::Policy').filter(([, r]) =>
        JSON.stringify(r.Properties.Roles).includes(`"${roleId}"`),
      );
      const text = JSON.stringify(policies);
      const writes = Object.values(spec.tables ?? {}).some((a) => a !== 'read');
      expect(text.includes('dynamodb:PutItem'), spec.name).toBe(writes);
    }
  });
});

describe('state machines', () => {
  it.each(manifest.stateMachines.map((m) => [m.name, m] as const))('%s: definition is the ASL file with its substitutions', (_name, spec) => {
    const machine = stack.stateMachines.get(spec.name)!;
    const props = resources[logicalId(machine)]!.Properties;
    const substitutions = props.DefinitionSubstitutions as Record<string, unknown>;
    const expected: Record<string, unknown> = {};
    for (const [key, target] of Object.entries(spec.substitutions)) {
      if ('function' in target) expected[key] = { 'Fn::GetAtt': [logicalId(stack.functions.get(target.function)!), 'Arn'] };
      else if ('table' in target) expected[key] = { Ref: logicalId(stack.tables.get(target.table)!) };
      else expected[key] = { Ref: logicalId(stack.stateMachines.get(target.stateMachine)!) };
    }
    expect(substitutions).toEqual(expected);

    // The uploaded definition is the ASL file; substituting both sides the same way must give the same JSON.
    const key = (props.DefinitionS3Location as { Key: string }).Key;
    const uploaded = readFileSync(path.join(app.synth().directory, `asset.${key}`), 'utf8');
    const substitute = (text: string): unknown =>
      JSON.parse(text.replace(/\$\{(\w+)\}/g, (_m, name: string) => JSON.stringify(substitutions[name] ?? `MISSING ${name}`).replace(/"/g, "'")));
    const asl = readFileSync(fromRoot(spec.definitionFile), 'utf8');
    expect(substitute(uploaded)).toEqual(substitute(asl));
    expect(JSON.stringify(substitute(uploaded))).not.toContain('MISSING');

    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: `casework-dev-${spec.name}`,
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: true },
    });
  });

  it("a machine's role invokes exactly the functions it substitutes", () => {
    for (const spec of manifest.stateMachines) {
      const machine = stack.stateMachines.get(spec.name)!;
      const roleId = logicalId(machine.role as never);
      const statements = ofType('AWS::IAM::Policy')
        .filter(([, r]) => JSON.stringify(r.Properties.Roles).includes(`"${roleId}"`))
        .flatMap(([, r]) => (r.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement)
        .filter((s) => s.Action === 'lambda:InvokeFunction');
      const resourcesInvoked = statements.flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
      const expected = Object.values(spec.substitutions)
        .flatMap((t) => ('function' in t ? [t.function] : []))
        .map((name) => ({ 'Fn::GetAtt': [logicalId(stack.functions.get(name)!), 'Arn'] }));
      expect(resourcesInvoked).toEqual(expected);
    }
  });

  it('a machine that runs a child (startExecution.sync:2) may start exactly that child and follow its executions', () => {
    const parent = stack.stateMachines.get('ticket-lifecycle')!;
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, r]) => JSON.stringify(r.Properties.Roles).includes(`"${logicalId(parent.role as never)}"`))
      .flatMap(([, r]) => (r.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement);
    const actionsOn = (action: string) => statements.filter((st) => ([] as unknown[]).concat(st.Action).includes(action)).map((st) => JSON.stringify(st.Resource));

    expect(actionsOn('states:StartExecution')).toEqual([JSON.stringify({ Ref: logicalId(stack.stateMachines.get('joint-review')!) })]);
    expect(actionsOn('states:DescribeExecution')).toHaveLength(1);
    expect(actionsOn('states:DescribeExecution')[0]).toContain(':execution:casework-dev-joint-review:*');
    expect(actionsOn('events:PutRule')[0]).toContain('StepFunctionsGetEventsForStepFunctionsExecutionRule');
    // The child starts nothing.
    const child = stack.stateMachines.get('joint-review')!;
    const childActions = ofType('AWS::IAM::Policy')
      .filter(([, r]) => JSON.stringify(r.Properties.Roles).includes(`"${logicalId(child.role as never)}"`))
      .flatMap(([, r]) => (r.Properties.PolicyDocument as { Statement: { Action: unknown }[] }).Statement)
      .flatMap((st) => ([] as unknown[]).concat(st.Action));
    expect(childActions).not.toContain('states:StartExecution');
  });
});

describe('reading executions', () => {
  it("the workflow reader may read the lifecycle's and the joint reviews' executions, and start or answer none", () => {
    const reader = lambdas(resources).find((fn) => fn.id === logicalId(stack.functions.get('read-workflow')!))!;
    const on = (action: string) => reader.statements.filter((st) => actionsOf(st).includes(action)).map((st) => JSON.stringify(st.Resource));

    for (const action of ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:DescribeStateMachineForExecution']) {
      const granted = on(action).join(' ');
      expect(granted, action).toContain(':execution:casework-dev-ticket-lifecycle:*');
      expect(granted, action).toContain(':execution:casework-dev-joint-review:*');
    }
    const machines = on('states:DescribeStateMachine').join(' ');
    expect(machines).toContain(':stateMachine:casework-dev-ticket-lifecycle');
    expect(machines).toContain(':stateMachine:casework-dev-joint-review');
    const actions = reader.statements.flatMap(actionsOf);
    for (const action of ['states:StartExecution', 'states:StopExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure']) expect(actions).not.toContain(action);
    // Nobody else reads histories: the manifest says who does.
    const readers = lambdas(resources).filter((fn) => fn.statements.some((st) => actionsOf(st).includes('states:GetExecutionHistory')));
    expect(readers.map((fn) => fn.id)).toEqual([reader.id]);
  });
});

describe('HTTP API', () => {
  it('one route per manifest route, JWT-authorized unless public', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes).toHaveLength(manifest.routes.length);
    for (const spec of manifest.routes) {
      const route = routes.find((r) => r.RouteKey === `${spec.method} ${spec.path}`);
      expect(route, `${spec.method} ${spec.path}`).toBeDefined();
      expect(route!.AuthorizationType).toBe(spec.auth ? 'JWT' : 'NONE');
      if (spec.auth) expect(route!.AuthorizerId).toBeDefined();
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
  });
});

describe('streams', () => {
  it.each(manifest.streams.map((s) => [`${s.table} -> ${s.function}`, s] as const))('%s: event source with bisect and a DLQ', (_n, spec) => {
    const fnId = logicalId(stack.functions.get(spec.function)!);
    const tableId = logicalId(stack.tables.get(spec.table)!);
    const mapping = ofType('AWS::Lambda::EventSourceMapping').find(
      ([, r]) => JSON.stringify(r.Properties.FunctionName).includes(fnId) && JSON.stringify(r.Properties.EventSourceArn).includes(tableId),
    );
    expect(mapping).toBeDefined();
    const props = mapping![1].Properties;
    expect(props.BatchSize).toBe(spec.batchSize);
    expect(props.BisectBatchOnFunctionError).toBe(true);
    expect(props.MaximumRetryAttempts).toBeGreaterThan(0);
    expect(JSON.stringify(props.DestinationConfig)).toContain('Dlq');
  });

  it('one event source per subscription, and every dead-letter queue enforces SSL', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', manifest.streams.length);
    const queues = ofType('AWS::SQS::Queue');
    expect(queues).toHaveLength(manifest.streams.length);
    for (const [queueId] of queues) {
      const policy = ofType('AWS::SQS::QueuePolicy').find(([, r]) => JSON.stringify(r.Properties.Queues).includes(`"${queueId}"`));
      expect(policy?.[1].Properties.PolicyDocument, queueId).toMatchObject({
        Statement: expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) as unknown,
      });
    }
  });
});

describe('mail', () => {
  it('exactly the functions the manifest marks as sending mail may send through SES, and are told to', () => {
    const senders = manifest.functions.filter((f) => f.sendsMail).map((f) => logicalId(stack.functions.get(f.name)!)).sort();
    expect(senders.length).toBeGreaterThan(0);
    const functions = lambdas(resources);
    const maySend = functions.filter((fn) => fn.statements.some((s) => actionsOf(s).some((a) => a.startsWith('ses:')))).map((fn) => fn.id).sort();
    const toldTo = functions.filter((fn) => fn.env.MAIL_TRANSPORT === 'ses').map((fn) => fn.id).sort();
    expect(maySend).toEqual(senders);
    expect(toldTo).toEqual(senders);
  });

  it('SES permission is SendEmail on the sending identities only', () => {
    const statements = lambdas(resources).flatMap((fn) => fn.statements).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.Action).toBe('ses:SendEmail');
      const resources = JSON.stringify(s.Resource);
      expect(resources).not.toContain('*');
      expect(resources).toContain(':identity/casework@haiqiao.example"');
      expect(resources).toContain(':identity/haiqiao.example"');
    }
  });
});

describe('operations', () => {
  it('alarms on failed executions per machine and iterator age per stream consumer, and a dashboard', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
    expect(alarms.filter((a) => a.MetricName === 'ExecutionsFailed')).toHaveLength(manifest.stateMachines.length);
    expect(alarms.filter((a) => a.MetricName === 'IteratorAge')).toHaveLength(manifest.streams.length);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it("the manifest's function alarms: invocations of a function, or its log lines with a metric field", () => {
    const declared = manifest.functions.flatMap((f) => (f.alarms ?? []).map((alarm) => ({ fn: f.name, alarm })));
    expect(declared.map((d) => d.alarm.on).sort()).toEqual(['invocations', 'log']);
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
    for (const { fn, alarm } of declared) {
      const found = alarms.filter((a) => a.AlarmDescription === alarm.description);
      expect(found, alarm.name).toHaveLength(1);
      expect(found[0]).toMatchObject({ Period: alarm.periodMinutes * 60, Threshold: alarm.threshold ?? 1, Statistic: 'Sum' });
      if (alarm.on === 'invocations') {
        expect(found[0]).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Invocations', Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(stack.functions.get(fn)!) } }] });
      } else {
        expect(found[0]).toMatchObject({ Namespace: 'Casework', MetricName: alarm.metric });
        template.hasResourceProperties('AWS::Logs::MetricFilter', {
          FilterPattern: `{ $.metric = "${alarm.metric}" }`,
          LogGroupName: { Ref: logicalId(stack.functions.get(fn)!.logGroup as never) },
          MetricTransformations: [{ MetricNamespace: 'Casework', MetricName: alarm.metric, MetricValue: '1' }],
        });
      }
    }
    template.resourceCountIs('AWS::Logs::MetricFilter', declared.filter((d) => d.alarm.on === 'log').length);
  });

  it('schedules from the manifest: the monthly zeroing at 00:00 on the 1st, Beijing time', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', manifest.schedules.length);
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 0 1 * ? *)', ScheduleExpressionTimezone: 'Asia/Shanghai' });
  });

  it('web bucket is private and encrypted, served by CloudFront with OAC', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('the web app signs in through the hosted UI with the code flow and reaches the API across origins with its headers', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/sign-in/callback'])]) })],
      GenerateSecret: false,
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowHeaders: Match.arrayWith(['authorization', 'accept-language', 'if-none-match']),
        ExposeHeaders: Match.arrayWith(['etag']),
      }),
    });
  });

  it('lets no one write their own role, unit or panel seat: the web client may write only the locale, custom attributes are for administrators', () => {
    // Without WriteAttributes every mutable attribute is writable by its user through UpdateUserAttributes, with the
    // access token any sign-in gives: a clerk could make itself supervisor.
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).map((r) => (r as { Properties: { WriteAttributes?: string[] } }).Properties);
    expect(clients.length).toBeGreaterThan(0);
    for (const client of clients) {
      expect(client.WriteAttributes).toEqual(['locale']);
    }
  });

  it('uploads the built app with an app-config.json naming the API and the hosted UI', () => {
    // The test run's global setup built web/dist, as `npm start` and a deployment do.
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
    const deployment = Object.values(template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>).find(
      (r) => r.Type === 'Custom::CDKBucketDeployment',
    );
    // Two sources: the built files, and app-config.json whose markers resolve to the API's endpoint, the hosted UI's
    // domain and the web client at deployment.
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment?.Properties.SourceMarkers);
    expect(markers).toMatch(/"ApiHttp\w+","ApiEndpoint"/);
    expect(markers).toMatch(/"Ref":"ApiUsersHostedUi\w+"/);
    expect(markers).toMatch(/"Ref":"ApiUsersWebClient\w+"/);
  });
});

describe('a changed manifest changes the stack', () => {
  let variant: ReturnType<typeof variantStack>;
  const schedules: typeof manifest.schedules = [
    { name: 'morning', cron: 'cron(0 8 * * ? *)', timeZone: 'Asia/Shanghai', target: { stateMachine: 'ticket-lifecycle' }, input: { ticketId: 'x' } },
    { name: 'nightly', cron: 'cron(30 1 * * ? *)', timeZone: 'Asia/Shanghai', target: { function: 'list-units' } },
  ];
  beforeAll(() => {
    const functions = manifest.functions.map((f) => {
      if (f.name === 'flag-undelivered') return { ...f, alarms: [] };
      if (f.name === 'dispatch-ticket') {
        return { ...f, alarms: [{ name: 'unroutable', description: 'a ticket could not be routed', on: 'log' as const, metric: 'Unroutable', periodMinutes: 5, threshold: 3 }] };
      }
      return f;
    });
    variant = variantStack({ functions, schedules }, { mailFrom: 'Hotline <hotline@city.example>' });
  }, 60_000);

  it('each schedule becomes an EventBridge Scheduler schedule in Asia/Shanghai allowed to start its target', () => {
    const made = Object.values(variant.resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule').map((r) => r.Properties);
    expect(made).toHaveLength(schedules.length);
    for (const spec of schedules) {
      const schedule = made.find((p) => p.Name === `casework-dev-${spec.name}`);
      expect(schedule, spec.name).toMatchObject({
        ScheduleExpression: spec.cron,
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        Target: { Input: JSON.stringify(spec.input ?? {}) },
      });
      const roleId = (schedule!.Target as { RoleArn: { 'Fn::GetAtt': [string, string] } }).RoleArn['Fn::GetAtt'][0];
      const [action, target] = 'stateMachine' in spec.target
        ? ['states:StartExecution', { Ref: variant.stack.getLogicalId(variant.stack.stateMachines.get(spec.target.stateMachine)!.node.defaultChild as CfnResource) }]
        : ['lambda:InvokeFunction', { 'Fn::GetAtt': [variant.stack.getLogicalId(variant.stack.functions.get(spec.target.function)!.node.defaultChild as CfnResource), 'Arn'] }];
      expect(roleStatements(variant.resources, roleId)).toEqual([expect.objectContaining({ Action: action, Effect: 'Allow', Resource: target })]);
    }
  });

  it('alarms follow the functions: one removed, one added with its own metric filter and threshold', () => {
    const alarms = Object.values(variant.resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm').map((r) => r.Properties);
    expect(alarms.filter((a) => a.MetricName === 'Invocations')).toEqual([]);
    expect(alarms.filter((a) => a.Namespace === 'Casework').map((a) => [a.MetricName, a.Threshold, a.Period]).sort()).toEqual([
      ['CityOverdue', 1, 3600],
      ['Unroutable', 3, 300],
    ]);
    const dispatchLogs = variant.stack.getLogicalId(variant.stack.functions.get('dispatch-ticket')!.logGroup.node.defaultChild as CfnResource);
    variant.template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '{ $.metric = "Unroutable" }', LogGroupName: { Ref: dispatchLogs } });
  });

  it('mail is sent as the configured address, or its domain', () => {
    const senders = lambdas(variant.resources).filter((fn) => fn.statements.some((s) => actionsOf(s).includes('ses:SendEmail')));
    expect(senders.length).toBeGreaterThan(0);
    for (const fn of senders) {
      expect(fn.env.MAIL_FROM).toBe('Hotline <hotline@city.example>');
      const resource = JSON.stringify(fn.statements.find((s) => actionsOf(s).includes('ses:SendEmail'))!.Resource);
      expect(resource).toContain(':identity/hotline@city.example"');
      expect(resource).toContain(':identity/city.example"');
    }
  });
});

describe('cdk-nag', () => {
  it('prod: no unacknowledged AwsSolutions findings, every acknowledgement with a reason', () => {
    const prodApp = new App({ outdir: scratchDir('casework-cdk-'), context: { stage: 'prod', 'aws:cdk:bundling-stacks': [] } });
    buildApp(prodApp);
    const report = JSON.parse(readFileSync(path.join(prodApp.synth().directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; violations: unknown[]; suppressedViolations: { ruleName: string; reason?: string }[] }[];
    };
    const nag = report.pluginReports.find((r) => r.pluginName === 'AwsSolutions');
    expect(nag).toBeDefined();
    expect(nag!.violations).toEqual([]);
    for (const s of nag!.suppressedViolations) expect(s.reason?.length ?? 0, s.ruleName).toBeGreaterThan(20);
  }, 60_000);
});

describe('deployability', () => {
  /** Each resource's references to others: Ref, Fn::GetAtt, ${Name} in Fn::Sub, DependsOn. */
  function dependencies(all: Record<string, Resource & { DependsOn?: string | string[] }>): Map<string, Set<string>> {
    const graph = new Map<string, Set<string>>();
    const walk = (node: unknown, into: Set<string>) => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, into));
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Ref' && typeof value === 'string' && value in all) into.add(value);
        else if (key === 'Fn::GetAtt' && Array.isArray(value) && String(value[0]) in all) into.add(String(value[0]));
        else if (key === 'Fn::Sub') for (const [, name] of JSON.stringify(value).matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)) if (name && name in all) into.add(name);
        walk(value, into);
      }
    };
    for (const [id, resource] of Object.entries(all)) {
      const into = new Set<string>([resource.DependsOn ?? []].flat());
      walk(resource.Properties, into);
      graph.set(id, into);
    }
    return graph;
  }

  it('has no circular dependency between resources (CloudFormation would refuse to deploy it)', () => {
    const graph = dependencies(resources);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (id: string, path: string[]) => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'open') return void cycles.push([...path.slice(path.indexOf(id)), id].join(' -> '));
      state.set(id, 'open');
      for (const next of graph.get(id) ?? []) visit(next, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of graph.keys()) visit(id, []);

    expect(cycles).toEqual([]);
  });
});
