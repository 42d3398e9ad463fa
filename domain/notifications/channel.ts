// The notification port: what is told (a notice) and the one interface every channel (email, webhook, ...) implements.
import type { Subscriptions } from '../../schemas/unit.js';

/** One thing told to one unit: the same for every channel; each channel carries what it can of it. */
export interface Notice {
  /** Stable across retries: receivers de-duplicate on it (the webhook's `Casework-Delivery`). */
  id: string;
  /** `ticket.dispatched`, ... or `notification.undelivered` (the webhook's `Casework-Event`). */
  type: string;
  occurredAt: string;
  /** One line: a mail's subject, a text message, a group robot's title. */
  subject: string;
  /** What a person reads, Chinese first. */
  text: string;
  /** What a program reads: the webhook body carries it beside id, type and occurredAt. */
  data: Record<string, unknown>;
}

/** What one attempt on one target came to; `target` says where it went, for the ticket's delivery log. */
export interface SendResult {
  ok: boolean;
  target: string;
  status?: number;
  error?: string;
  /** The target itself is not allowed (a webhook to an address that is not public): no retry can succeed. */
  refused?: boolean;
}

/** A way of reaching a unit. Its targets come from the unit's subscriptions; a delivery names one by its index. */
export interface NotificationChannel<Target = unknown> {
  /** The name deliveries and their log carry: `email`, `webhook`. */
  readonly name: string;
  /** The unit's targets on this channel, each its own delivery (retried and flagged on its own). */
  targets(subscriptions: Subscriptions): Target[];
  /** One attempt; never throws for a refused or unreachable target, it says so in the result. */
  send(target: Target, notice: Notice, at: Date): Promise<SendResult>;
}
