// The HTTP server speaks AWS JSON 1.0: the real @aws-sdk/client-sfn drives the engine through it.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../local/stepfunctions/http-server.js';
import { testEngine } from './support/harness.js';

describe('HTTP server with the AWS SDK client', () => {
  const t = testEngine();
  let client: SFNClient;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const server = await startHttpServer(t.engine, { port: 0 });
    close = server.close;
    client = new SFNClient({ endpoint: `http://127.0.0.1:${server.port}`, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });

  afterAll(async () => {
    client.destroy();
    await close();
  });

  it('creates a machine, runs an execution and reads its result and history', async () => {
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({
        name: 'sdk-machine',
        roleArn: 'arn:aws:iam::123456789012:role/r',
        definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 5, Next: 'P' }, P: { Type: 'Pass', Result: { ok: true }, End: true } } }),
      }),
    );
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: '{"ticket":"12345"}' }));
    await t.clock.advance(5_000);
    const d = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output ?? 'null')).toEqual({ ok: true });
    expect(d.startDate).toBeInstanceOf(Date);
    const history = await client.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(history.events?.[0]?.type).toBe('ExecutionStarted');
    expect(history.events?.at(-1)?.type).toBe('ExecutionSucceeded');
    const machine = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect([machine.name, machine.stateMachineArn, JSON.parse(machine.definition ?? '{}').StartAt]).toEqual(['sdk-machine', stateMachineArn, 'W']);
    expect(machine.updateDate).toBeInstanceOf(Date);
  });

  it('returns AWS error codes the SDK maps to its exception classes', async () => {
    await expect(client.send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:sdk-machine:nope' }))).rejects.toBeInstanceOf(
      ExecutionDoesNotExist,
    );
  });
});
