// Every state machine's contract in one place: the machine's input (and output), per task (by its ASL substitution
// key) what the task is sent and what it answers, and per child machine it starts (by its key) that machine's
// contract. Handlers parse with these; tests/workflows/contracts.test.ts checks each path the ASL files read or write
// against them.
import type { z } from 'zod';
import { Delivery } from '../delivery.js';
import { DeliverPayload, DeliveryOutcome, FlagUndeliveredPayload } from './notification-delivery.js';
import { ClosedPanel, ClosePanelPayload, ConvenedPanel, ConvenePanelPayload, JointReviewInput, JointReviewOutput, MemberReminded, RemindMemberPayload } from './joint-review.js';
import { CarriedPage, CarryOverPayload, ClosedMonth, CloseMonthPayload, MonthlyZeroingInput, MonthlyZeroingOutput, OpenedMonth, OpenMonthPayload } from './monthly-zeroing.js';
import { KeepTaskTokenPayload, VoteWaitResult } from './task-token.js';
import { LifecycleInput, LifecycleState, TicketTaskPayload } from './ticket-lifecycle.js';

export interface TaskContract {
  payload: z.ZodType;
  /** What the task answers; for a `.waitForTaskToken` task, what SendTaskSuccess sends. */
  result: z.ZodType;
}

export interface WorkflowContract {
  input: z.ZodType;
  /** What an execution outputs (what reaches a Succeed or End state); a parent's `.sync:2` task reads it as `Output`. */
  output?: z.ZodType;
  tasks: Record<string, TaskContract>;
  /**
   * The machines it starts (`states:startExecution`), by the substitution key of their ARN, each named as in
   * workflowContracts: `{ JointReview: 'joint-review' }` for `"StateMachineArn": "${JointReview}"`.
   */
  children?: Record<string, string>;
}

export const workflowContracts: Record<string, WorkflowContract> = {
  'ticket-lifecycle': {
    input: LifecycleInput,
    tasks: {
      DispatchTicket: { payload: TicketTaskPayload, result: LifecycleState },
      KeepTaskToken: { payload: KeepTaskTokenPayload, result: LifecycleState },
      TicketDeadline: { payload: TicketTaskPayload, result: LifecycleState },
    },
    children: { JointReview: 'joint-review' },
  },
  'joint-review': {
    input: JointReviewInput,
    output: JointReviewOutput,
    tasks: {
      ConvenePanel: { payload: ConvenePanelPayload, result: ConvenedPanel },
      KeepTaskToken: { payload: KeepTaskTokenPayload, result: VoteWaitResult },
      RemindPanelMember: { payload: RemindMemberPayload, result: MemberReminded },
      ClosePanel: { payload: ClosePanelPayload, result: ClosedPanel },
    },
  },
  'monthly-zeroing': {
    input: MonthlyZeroingInput,
    output: MonthlyZeroingOutput,
    tasks: {
      OpenZeroingMonth: { payload: OpenMonthPayload, result: OpenedMonth },
      CloseZeroingMonth: { payload: CloseMonthPayload, result: ClosedMonth },
      CarryOverZeroing: { payload: CarryOverPayload, result: CarriedPage },
    },
  },
  'notification-delivery': {
    input: Delivery,
    tasks: {
      DeliverNotification: { payload: DeliverPayload, result: DeliveryOutcome },
      FlagUndelivered: { payload: FlagUndeliveredPayload, result: DeliveryOutcome },
    },
  },
};
