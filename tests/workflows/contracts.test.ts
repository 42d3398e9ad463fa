// Each state machine's paths against its contract in schemas/workflows: a renamed field fails here, not in a scenario.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manifest } from '../../infra/manifest.js';
import { workflowContracts, type WorkflowContract } from '../../schemas/workflows/index.js';
import { LifecycleInput, LifecyclePhase, LifecycleState } from '../../schemas/workflows/ticket-lifecycle.js';
import { checkWorkflow } from './support/asl-contract-check.js';

const definition = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof checkWorkflow>[0];
const lifecycle = definition('workflows/ticket-lifecycle.asl.json');
const lifecycleContract = workflowContracts['ticket-lifecycle'] as WorkflowContract;

describe('workflow contracts', () => {
  it.each(manifest.stateMachines.map((m) => [m.name, m] as const))('%s reads and writes only what its contract declares', (name, spec) => {
    const contract = workflowContracts[name];
    expect(contract, `schemas/workflows has no contract for ${name}`).toBeDefined();
    expect(Object.keys(contract?.tasks ?? {}).sort()).toEqual(
      Object.entries(spec.substitutions).filter(([, target]) => 'function' in target).map(([key]) => key).sort(),
    );
    // The machines it starts are the ones the manifest substitutes, under the same keys.
    expect(contract?.children ?? {}).toEqual(
      Object.fromEntries(Object.entries(spec.substitutions).flatMap(([key, target]) => ('stateMachine' in target ? [[key, target.stateMachine]] : []))),
    );

    expect(checkWorkflow(definition(spec.definitionFile), contract as WorkflowContract)).toEqual([]);
  });

  it('names the path when a field the machine reads is renamed in the input schema', () => {
    const renamed = { ...lifecycleContract, input: z.object({ ticket: LifecycleInput.shape.ticketId }) };

    const problems = checkWorkflow(lifecycle, renamed);

    expect(problems).toContainEqual({ state: 'Dispatch to the unit', problem: '$.ticketId: $.ticketId is not in the contract (it has ticket)' });
    expect(problems).toContainEqual({ state: 'At the unit', problem: '$.ticketId: $.ticketId is not in the contract (it has ticket, state)' });
  });

  it('names the path when a task result field the machine selects is renamed', () => {
    const renamedResult = LifecycleState.extend({ phase: z.undefined(), stage: LifecyclePhase }).omit({ phase: true });
    const contract = { ...lifecycleContract, tasks: { ...lifecycleContract.tasks, DispatchTicket: { payload: LifecycleInput, result: renamedResult } } };

    expect(checkWorkflow(lifecycle, contract)).toContainEqual({
      state: 'Dispatch to the unit',
      problem: '$.Payload.phase: $.Payload.phase is not in the contract (it has waitSeconds, version, stage)',
    });
  });

  it('refuses a task payload field the handler does not parse', () => {
    const contract = { ...lifecycleContract, tasks: { ...lifecycleContract.tasks, TicketDeadline: { payload: z.object({ id: z.string() }), result: LifecycleState } } };

    expect(checkWorkflow(lifecycle, contract)).toEqual([
      { state: 'Deadline reached', problem: 'Payload of TicketDeadline: the machine sends ticketId, which the contract does not have (it has id)' },
      { state: 'Deadline reached', problem: 'Payload of TicketDeadline: the contract requires id, which the machine does not send' },
    ]);
  });

  it('catches a phase the machine routes that the domain can no longer answer, and one it answers but nothing routes', () => {
    const fewer = LifecycleState.extend({ phase: LifecyclePhase.exclude(['warned']) });
    const more = LifecycleState.extend({ phase: z.enum([...LifecyclePhase.options, 'in-mediation']) });
    const withResult = (result: z.ZodType) => ({
      ...lifecycleContract,
      tasks: Object.fromEntries(Object.entries(lifecycleContract.tasks).map(([key, task]) => [key, { ...task, result }])),
    });

    expect(checkWorkflow(lifecycle, withResult(fewer))).toContainEqual({
      state: 'Where is the ticket?',
      problem: expect.stringMatching(/^\$\.state\.phase is never "warned"/) as unknown as string,
    });
    expect(checkWorkflow(lifecycle, withResult(more))).toContainEqual({
      state: 'Where is the ticket?',
      problem: '$.state.phase may be "in-mediation", which no choice routes and there is no Default',
    });
  });
});
