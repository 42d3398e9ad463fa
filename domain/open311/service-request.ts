// A ticket as an Open311 service request: Casework's statuses folded onto open/closed, the detail put in status_notes.
import type { ServiceRequest, ServiceStatus } from '../../schemas/open311.js';
import type { Ticket, TicketStatus } from '../../schemas/ticket.js';
import type { CityDirectory } from '../city-directory.js';
import type { Language, Text } from '../errors.js';
import { beijingIso, beijingTime } from '../time/beijing-time.js';

/**
 * Open311 knows open and closed. A request is closed once it has its answer: resolved (the unit replied, the citizen's
 * callback pending) or closed. An unsatisfied callback reopens it, and it reads open again.
 */
export function open311Status(status: TicketStatus): ServiceStatus {
  return status === 'resolved' || status === 'closed' ? 'closed' : 'open';
}

/** What a citizen's app shows beside the status: where the ticket is, or the answer it got. */
export function statusNotes(ticket: Ticket, city: CityDirectory): Text {
  const unit = ticket.unitId ? city.unit(ticket.unitId)?.name : undefined;
  const holder = unit ?? { zh: '承办单位', en: 'the handling unit' };
  const level: Text | undefined =
    ticket.level === 3 ? { zh: '（市热线办督办中）', en: ' (under the city supervision office)' } : ticket.level === 2 ? { zh: '（区级兜底办理中）', en: ' (the district backs it up)' } : undefined;
  const outcome = ticket.outcome;
  const notes: Record<TicketStatus, () => Text> = {
    received: () => ({ zh: '已受理，正在分派', en: 'Received; being dispatched' }),
    dispatched: () => ({ zh: `已转交${holder.zh}，待签收`, en: `Sent to ${holder.en}, waiting to be accepted` }),
    accepted: () => ({ zh: `${holder.zh}正在办理`, en: `${holder.en} is handling it` }),
    difficult: () => ({ zh: '疑难事项，市热线办正在研究处理', en: 'A difficult case: the city hotline office is deciding on it' }),
    'awaiting-designation': () => ({ zh: '市热线办正在指定承办单位', en: 'The city hotline office is naming the unit to handle it' }),
    'return-review': () => ({ zh: '承办单位申请退单，热线正在审核', en: 'The unit asked to hand it back; the hotline is reviewing that' }),
    'in-review': () => ({ zh: '已提交联席会商研究', en: 'Referred to a joint-review panel' }),
    resolved: () => ({ zh: `${holder.zh}已办结答复：${outcome?.reply ?? ''}`, en: `${holder.en} replied: ${outcome?.reply ?? ''}` }),
    closed: () => {
      if (outcome?.resolution === 'transferred' && outcome.transferTo) {
        return { zh: `紧急情况，已转 ${outcome.transferTo}`, en: `An emergency: transferred to ${outcome.transferTo}` };
      }
      if (outcome?.resolution === 'explained') return { zh: `已办结：${outcome.explanation ?? ''}`, en: `Closed: ${outcome.explanation ?? ''}` };
      return { zh: `已办结：${outcome?.reply ?? ''}`, en: `Closed: ${outcome?.reply ?? ''}` };
    },
  };
  const note = notes[ticket.status]();
  return level && open311Status(ticket.status) === 'open' ? { zh: note.zh + level.zh, en: note.en + level.en } : note;
}

/** The service request of a ticket, in the language asked for; datetimes in Beijing time with their offset. */
export function toServiceRequest(ticket: Ticket, city: CityDirectory, language: Language): ServiceRequest {
  const category = city.category(ticket.category);
  const unit = ticket.unitId ? city.unit(ticket.unitId) : undefined;
  const { complete } = ticket.deadlines;
  const status = open311Status(ticket.status);
  const expected = status === 'open' && complete ? complete : undefined;
  return {
    service_request_id: ticket.id,
    status,
    status_notes: statusNotes(ticket, city)[language],
    service_name: category?.name[language] ?? ticket.category,
    service_code: ticket.category,
    description: ticket.description,
    ...(unit ? { agency_responsible: unit.name[language] } : {}),
    ...(expected ? { service_notice: language === 'zh' ? `${beijingTime(expected)}（北京时间）前办结并答复` : `Answered by ${beijingTime(expected)} (Beijing time)` } : {}),
    requested_datetime: beijingIso(ticket.createdAt),
    updated_datetime: beijingIso(ticket.updatedAt),
    ...(expected ? { expected_datetime: beijingIso(expected) } : {}),
    address: ticket.location.address,
    ...(ticket.location.coordinates ? { lat: ticket.location.coordinates.lat, long: ticket.location.coordinates.lng } : {}),
  };
}
