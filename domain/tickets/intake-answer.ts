// What intake answers the operator: where the ticket went and the words to tell the caller, in Chinese and English.
import type { EmergencyLine, LocalizedName } from '../../schemas/common.js';
import type { IntakeAnswer } from '../../schemas/intake.js';
import type { Ticket } from '../../schemas/ticket.js';
import type { FieldIssue } from '../../schemas/validation-error.js';
import type { CityDirectory } from '../city-directory.js';
import { beijingTime } from '../time/beijing-time.js';

const lines: Record<EmergencyLine, LocalizedName> = {
  '110': { zh: '110 报警电话', en: '110 (police)' },
  '119': { zh: '119 火警电话', en: '119 (fire)' },
  '120': { zh: '120 急救电话', en: '120 (ambulance)' },
  '122': { zh: '122 交通事故报警电话', en: '122 (traffic police)' },
};

/** The answer to an intake request, from the ticket as routed. */
export function intakeAnswer(ticket: Ticket, city: CityDirectory, corrections: FieldIssue[]): IntakeAnswer {
  const { outcome, deadlines } = ticket;
  if (outcome?.resolution === 'transferred' && outcome.transferTo) {
    const line = lines[outcome.transferTo];
    return {
      transferTo: outcome.transferTo,
      tellCaller: { zh: `情况紧急，请立即拨打${line.zh}，我现在为您转接。`, en: `This is an emergency: call ${line.en} now; the operator transfers the call.` },
      corrections,
    };
  }
  if (outcome?.resolution === 'answered') {
    return { tellCaller: { zh: outcome.reply ?? '', en: 'Out of scope: read out the published answer above.' }, corrections };
  }
  const unit = ticket.unitId ? city.unit(ticket.unitId) : undefined;
  const name = unit?.name ?? { zh: ticket.unitId ?? '', en: ticket.unitId ?? '' };
  const accept = deadlines.accept ? beijingTime(deadlines.accept) : undefined;
  const complete = deadlines.complete ? beijingTime(deadlines.complete) : '';
  return {
    unit: { id: ticket.unitId ?? '', name },
    tellCaller: {
      zh: `您的诉求已登记，工单号 ${ticket.id}，已直接转交${name.zh}办理${accept ? `，${accept}前签收` : ''}，${complete}前办结并答复您（北京时间）。`,
      en: `Your request ${ticket.id} went straight to ${name.en}${accept ? `; it is accepted by ${accept}` : ''} and answered by ${complete} (Beijing time).`,
    },
    corrections,
  };
}
