// Intake routes at once and answers the operator with where the ticket went and what to tell the caller.
import { describe, expect, it } from 'vitest';
import { intake } from '../../../domain/tickets/intake.js';
import { intakeAnswer } from '../../../domain/tickets/intake-answer.js';
import { at, city, ctx, noiseComplaint, operator, refusal } from './world.js';

// Monday 23 November 2026, 10:00 in Shanghai.
const monday = at('2026-11-23T10:00:00+08:00');

describe('intake', () => {
  it('writes the ticket already dispatched to its street, and tells the caller the unit and both deadlines', () => {
    const opened = intake(noiseComplaint, 'T20261123-AAAAAA', ctx(operator, monday));

    expect(opened.events.map((e) => e.type)).toEqual(['ticket.created', 'ticket.dispatched']);
    expect(opened.ticket).toMatchObject({ status: 'dispatched', unitId: 's-haibin-dongmen', level: 1, version: 2 });
    expect(opened.events[1]).toMatchObject({ dispatchMs: 0, reason: 'direct', actor: { kind: 'system' } });

    const answer = intakeAnswer(opened.ticket, city, opened.corrections);
    expect(answer.unit).toEqual({ id: 's-haibin-dongmen', name: city.unit('s-haibin-dongmen')?.name });
    expect(answer.tellCaller.zh).toBe(
      `您的诉求已登记，工单号 T20261123-AAAAAA，已直接转交${city.unit('s-haibin-dongmen')?.name.zh}办理，2026-11-24 10:00前签收，2026-12-14 10:00前办结并答复您（北京时间）。`,
    );
    expect(answer.tellCaller.en).toContain('answered by 2026-12-14 10:00 (Beijing time)');
  });

  it('closes an emergency at once and tells the operator which line to put the caller through to', () => {
    const opened = intake({ ...noiseComplaint, category: 'EMG-002', title: '楼道起火', urgency: 'danger' }, 'T20261123-FIRE01', ctx(operator, monday));

    expect(opened.ticket).toMatchObject({ status: 'closed', outcome: { resolution: 'transferred', transferTo: '119' } });
    expect(intakeAnswer(opened.ticket, city, [])).toEqual({
      transferTo: '119',
      tellCaller: { zh: '情况紧急，请立即拨打119 火警电话，我现在为您转接。', en: 'This is an emergency: call 119 (fire) now; the operator transfers the call.' },
      corrections: [],
    });
  });

  it('answers an out-of-scope request with the published answer to read out', () => {
    const opened = intake({ ...noiseComplaint, category: 'OOS-002' }, 'T20261123-OOS001', ctx(operator, monday));

    expect(intakeAnswer(opened.ticket, city, []).tellCaller.zh).toBe('您反映的事项不属本市管辖，请拨打事发地的12345热线。');
  });

  it('refuses an urgency below the category’s, naming the rule', () => {
    const error = refusal(() => intake({ ...noiseComplaint, category: 'EMG-002', urgency: 'normal' }, 'T-1', ctx(operator, monday)));

    expect(error).toMatchObject({ status: 422, rule: 'intake.urgency-below-category' });
    expect(error.message).toMatch(/^urgency: "normal" is below "danger", the urgency of category EMG-002/);
  });

  it('raises urgency when the operator judges it more urgent, and holds the kind to the category, saying so', () => {
    const opened = intake({ ...noiseComplaint, kind: 'consultation', urgency: 'utility' }, 'T-2', ctx(operator, monday));

    expect(opened.ticket).toMatchObject({ kind: 'complaint', urgency: 'utility' });
    expect(opened.corrections).toEqual([
      { path: 'kind', message: '"consultation" was corrected to "complaint", the kind of category NBR-001 (邻里噪音扰民)', zh: '已由“consultation”更正为诉求类别 NBR-001（邻里噪音扰民）的“complaint”' },
    ]);
  });
});
