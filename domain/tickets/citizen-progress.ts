// 我的诉求: what a citizen may see of their request with its number and the last four digits of their phone, and the
// limits that keep anyone from trying numbers until one fits.
import type { Ticket } from '../../schemas/ticket.js';
import type { CityDirectory } from '../city-directory.js';
import { NoMatchError, TooManyRequestsError } from '../errors.js';
import { phoneKey } from '../search/phone-key.js';
import { beijingTime } from '../time/beijing-time.js';
import { statusNames } from './names.js';

/** Wrong tries a ticket takes in a window before it refuses every try, the right one too, until the window ends. */
export const PROGRESS_LIMITS = { triesPerTicket: 5, triesPerAddress: 30, windowSeconds: 3600 } as const;

/** True when the digits are the last four of the caller's number. */
export function matchesPhone(ticket: Ticket, lastFour: string): boolean {
  return phoneKey(ticket.citizen.phone).endsWith(lastFour);
}

/** The same answer for no such ticket and a wrong pair, so a try tells nothing about which it was. */
export const noSuchRequest = () => new NoMatchError('progress.no-match', { zh: '工单号或手机号后四位不正确', en: 'no request with that number and those last four digits' });

/** Too many tries in the window: said without telling whether the ticket exists. */
export const tooManyTries = () => new TooManyRequestsError('progress.too-many-tries', { zh: '查询过于频繁，请一小时后再试', en: 'too many tries; try again in an hour' });

/** The status, the handling unit and the reply: nothing about the caller, the timeline or the people. */
export function citizenProgress(ticket: Ticket, city: CityDirectory) {
  const unit = ticket.unitId ? city.unit(ticket.unitId) : undefined;
  const reply = ticket.outcome?.reply ?? ticket.outcome?.explanation;
  return {
    ticketId: ticket.id,
    status: ticket.status,
    statusName: statusNames[ticket.status],
    ...(unit ? { unit: { id: unit.id, name: unit.name } } : {}),
    ...(reply ? { reply } : {}),
    updatedAt: ticket.updatedAt,
    updatedAtBeijing: beijingTime(ticket.updatedAt),
  };
}
