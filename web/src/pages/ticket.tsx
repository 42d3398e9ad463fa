// One ticket: its facts and deadlines, the whole timeline with every notification attempt, the lifecycle graph with
// the path taken, and the actions this person may take now.
import type { Ticket } from '../../../schemas/ticket.js';
import type { TicketEvent } from '../../../schemas/ticket-events.js';
import { statusNames } from '../../../domain/tickets/names.js';
import { api } from '../api.js';
import { ActionPanel } from '../components/action-panel.js';
import { Countdown } from '../components/countdown.js';
import { LifecycleGraph, type WorkflowGraph } from '../components/lifecycle-graph.js';
import { LoadStatus } from '../components/status.js';
import { eventNames } from '../event-names.js';
import { formatTime } from '../format.js';
import { type Text, useLang } from '../i18n.js';
import { useLoad } from '../use-load.js';
import { type Names, useCategories, useUnits } from '../directory.js';
import type { Unit } from '../../../schemas/unit.js';

interface Attempt {
  deliveryId: string;
  attempt?: number;
  channel?: string;
  unitId: string;
  event?: string;
  ok?: boolean;
  status?: number;
  error?: string;
  at: string;
  undelivered?: string;
}

type TicketView = Ticket & { timeline: TicketEvent[]; notifications: Attempt[]; actions?: string[] };

const text = {
  facts: { zh: '基本信息', en: 'Details' },
  deadlines: { zh: '办理时限', en: 'Deadlines' },
  timeline: { zh: '全过程记录', en: 'Timeline' },
  workflow: { zh: '流程', en: 'Workflow' },
  status: { zh: '状态', en: 'Status' },
  level: { zh: '层级', en: 'Level' },
  unit: { zh: '承办单位', en: 'Unit' },
  category: { zh: '类别', en: 'Category' },
  channel: { zh: '来源', en: 'Channel' },
  address: { zh: '地址', en: 'Address' },
  citizen: { zh: '诉求人', en: 'Caller' },
  created: { zh: '登记时间', en: 'Created' },
  description: { zh: '诉求内容', en: 'Description' },
  accept: { zh: '签收时限', en: 'Accept by' },
  complete: { zh: '办结时限', en: 'Complete by' },
  returnBy: { zh: '退单时限', en: 'Return by' },
  callback: { zh: '回访时限', en: 'Callback by' },
  reply: { zh: '答复', en: 'Reply' },
  pendingExtension: { zh: '延期申请', en: 'Extension requested' },
  days: { zh: '个工作日', en: ' working days' },
  panels: { zh: '联席会商', en: 'Panels' },
  delivered: { zh: '已送达', en: 'delivered' },
  failed: { zh: '发送失败', en: 'failed' },
  gaveUp: { zh: '放弃发送，请电话联系', en: 'given up; call them' },
  notification: { zh: '通知', en: 'Notification' },
  by: { zh: '操作人', en: 'by' },
  system: { zh: '系统', en: 'system' },
};

// A unit's own people read a failure by its kind (domain/notifications/delivery-log.ts), the city's staff by its text.
const failureKinds: Record<string, Text> = {
  refused: { zh: '目标地址不允许', en: 'target not allowed' },
  timeout: { zh: '对方未按时应答', en: 'no answer in time' },
  network: { zh: '网络不通', en: 'network error' },
};

interface Entry {
  at: string;
  key: string;
  title: string;
  detail: string;
  failed?: boolean;
}

// The words of an event worth reading on the timeline, in the order people look for them.
const DETAIL_FIELDS = ['unitId', 'toUnitId', 'reason', 'reply', 'note', 'comment', 'explanation', 'decision', 'outcome', 'approved', 'days', 'month'] as const;

/** A field's value as text: a unit by its name, a panel's decision by its choice and unit. */
function detailOf(field: string, value: unknown, units: Names<Unit>): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (field.endsWith('nitId')) return units.name(String(value));
  if (typeof value !== 'object') return String(value);
  const decision = value as { choice?: string; unitId?: string; explanation?: string };
  if (!decision.choice) return undefined;
  return [decision.choice, decision.unitId && units.name(decision.unitId), decision.explanation].filter(Boolean).join(' · ');
}

function timelineEntries(ticket: TicketView, t: (x: Text) => string, units: Names<Unit>): Entry[] {
  const events: Entry[] = ticket.timeline.map((e) => {
    const record = e as unknown as Record<string, unknown>;
    const detail = DETAIL_FIELDS.map((f) => detailOf(f, record[f], units))
      .filter(Boolean)
      .join(' · ');
    const who = e.actor.kind === 'user' ? `${t(text.by)} ${e.actor.userId}` : t(text.system);
    return { at: e.at, key: `e${e.seq}`, title: t(eventNames[e.type] ?? { zh: e.type, en: e.type }), detail: [detail, who].filter(Boolean).join(' — ') };
  });
  const attempts: Entry[] = ticket.notifications.map((n, i) => {
    const kind = failureKinds[n.error ?? ''];
    const reason = kind ? t(kind) : n.error;
    const outcome = n.undelivered ? t(text.gaveUp) : n.ok ? t(text.delivered) : `${t(text.failed)}${n.status ? ` (${n.status})` : ''}${reason ? `: ${reason}` : ''}`;
    return {
      at: n.at,
      key: `n${i}`,
      title: `${t(text.notification)} → ${units.name(n.unitId)}${n.channel ? ` (${n.channel} #${n.attempt ?? 1})` : ''}`,
      detail: `${n.event ? t(eventNames[n.event as TicketEvent['type']] ?? { zh: n.event, en: n.event }) : ''} ${outcome}`.trim(),
      failed: !n.ok,
    };
  });
  return [...events, ...attempts].sort((a, b) => a.at.localeCompare(b.at));
}

// The deadlines still running in each status: the others are history, and a countdown on them would mislead.
const runningDeadlines: Record<Ticket['status'], readonly string[]> = {
  received: [],
  dispatched: ['accept', 'returnBy', 'complete'],
  accepted: ['returnBy', 'complete'],
  difficult: [],
  'awaiting-designation': [],
  'return-review': [],
  'in-review': [],
  resolved: ['callback'],
  closed: [],
};

/** The ticket page. */
export function TicketPage({ id }: { id: string }) {
  const { t, lang } = useLang();
  const units = useUnits();
  const categories = useCategories();
  const ticket = useLoad(() => api<TicketView>(`/v1/tickets/${encodeURIComponent(id)}`), [id]);
  const workflow = useLoad(() => api<WorkflowGraph>(`/v1/tickets/${encodeURIComponent(id)}/workflow`), [id]);
  const reload = () => { void ticket.reload(); void workflow.reload(); };
  const tk = ticket.data;
  return (
    <section>
      <LoadStatus loading={ticket.loading && !tk} error={ticket.error} />
      {tk && (
        <>
          <h1>{tk.id} · {tk.title}</h1>
          <div class="card"><ActionPanel ticketId={tk.id} actions={tk.actions ?? []} onDone={reload} /></div>
          <div class="grid">
            <div class="card">
              <h2>{t(text.facts)}</h2>
              <dl class="facts">
                <dt>{t(text.status)}</dt><dd data-testid="status">{t(statusNames[tk.status])}</dd>
                <dt>{t(text.level)}</dt><dd>L{tk.level}</dd>
                <dt>{t(text.unit)}</dt><dd>{units.name(tk.unitId)}</dd>
                <dt>{t(text.category)}</dt><dd>{categories.name(tk.category)}</dd>
                <dt>{t(text.channel)}</dt><dd>{tk.channel}</dd>
                <dt>{t(text.address)}</dt><dd>{units.name(tk.location.districtId)} {tk.location.address}</dd>
                {tk.citizen && <><dt>{t(text.citizen)}</dt><dd>{tk.citizen.name} {tk.citizen.phone}</dd></>}
                <dt>{t(text.created)}</dt><dd>{formatTime(tk.createdAt, lang)}</dd>
                <dt>{t(text.description)}</dt><dd>{tk.description}</dd>
                {tk.outcome?.reply && <><dt>{t(text.reply)}</dt><dd>{tk.outcome.reply}</dd></>}
                {tk.review && <><dt>{t(text.panels)}</dt><dd>{tk.review.panelIds.map((p) => <a key={p} href={`/panels/${p}`}>{p} </a>)}</dd></>}
              </dl>
            </div>
            <div class="card">
              <h2>{t(text.deadlines)}</h2>
              <dl class="facts">
                {(['accept', 'complete', 'returnBy', 'callback'] as const).map((k) =>
                  tk.deadlines[k] ? (
                    <>
                      <dt key={`${k}t`}>{t(text[k])}</dt>
                      <dd key={`${k}d`}>{formatTime(tk.deadlines[k], lang)}{runningDeadlines[tk.status].includes(k) && <> · <Countdown deadline={tk.deadlines[k]} /></>}</dd>
                    </>
                  ) : null,
                )}
                {tk.pendingExtension && <><dt>{t(text.pendingExtension)}</dt><dd>{tk.pendingExtension.days}{t(text.days)} · {tk.pendingExtension.reason}</dd></>}
              </dl>
            </div>
          </div>
          <div class="card">
            <h2>{t(text.workflow)}</h2>
            <LoadStatus loading={workflow.loading && !workflow.data} error={workflow.error} />
            {workflow.data && <LifecycleGraph graph={workflow.data} />}
          </div>
          <div class="card">
            <h2>{t(text.timeline)}</h2>
            <ol class="timeline" data-testid="timeline">
              {timelineEntries(tk, t, units).map((e) => (
                <li key={e.key} class={e.failed ? 'failed' : ''}>
                  <strong>{e.title}</strong> <span class="muted">{formatTime(e.at, lang)}</span>
                  {e.detail && <div>{e.detail}</div>}
                </li>
              ))}
            </ol>
          </div>
        </>
      )}
    </section>
  );
}
