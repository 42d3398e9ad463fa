// The office's own work beside the board: extension requests to approve or refuse, difficult cases to decide, and
// notifications nobody received, each list one page long and read again when the board moves or a decision lands.
import { useState } from 'preact/hooks';
import type { Ticket } from '../../../../schemas/ticket.js';
import { api } from '../../api.js';
import { Field } from '../../components/field.js';
import { LoadStatus } from '../../components/status.js';
import { type Names, useUnits } from '../../directory.js';
import type { Unit } from '../../../../schemas/unit.js';
import { formatTime } from '../../format.js';
import { type Text, fill, useLang } from '../../i18n.js';
import { useLoad } from '../../use-load.js';
import { useAction } from '../../use-action.js';

// A work list is done a few at a time; the board's counts say how many wait in all.
const PAGE_SIZE = 20;

const text = {
  extensions: { zh: '延期申请待审批', en: 'Extension requests' },
  difficult: { zh: '疑难工单待决定', en: 'Difficult cases to decide' },
  undelivered: { zh: '未送达的通知', en: 'Undelivered notifications' },
  waiting: { zh: '共 {count} 件待办', en: '{count} waiting' },
  showing: { zh: '显示前 {shown} 件，共 {count} 件', en: 'showing {shown} of {count}' },
  emptyExtensions: { zh: '没有待审批的延期申请。', en: 'No extension request waits.' },
  emptyDifficult: { zh: '没有待决定的疑难工单。', en: 'No difficult case waits.' },
  emptyUndelivered: { zh: '所有通知均已送达。', en: 'Every notification was delivered.' },
  unit: { zh: '承办单位', en: 'Unit' },
  days: { zh: '申请延期', en: 'Asks for' },
  dayCount: { zh: '{days} 个工作日', en: '{days} working days' },
  reason: { zh: '理由', en: 'Reason' },
  requestedAt: { zh: '申请时间', en: 'Asked at' },
  deadline: { zh: '当前办结时限', en: 'Deadline now' },
  comment: { zh: '审批意见（可选）', en: 'Comment (optional)' },
  approve: { zh: '批准延期', en: 'Approve' },
  refuse: { zh: '不予批准', en: 'Refuse' },
  approved: { zh: '已批准工单 {id} 的延期申请。', en: 'Extension of {id} approved.' },
  refused: { zh: '已驳回工单 {id} 的延期申请。', en: 'Extension of {id} refused.' },
  markedBy: { zh: '提出单位', en: 'Marked by' },
  markedAt: { zh: '最近更新', en: 'Last changed' },
  address: { zh: '地址', en: 'Address' },
  decision: { zh: '决定', en: 'Decision' },
  handler: { zh: '承办单位', en: 'Handling unit' },
  pick: { zh: '请选择', en: 'Choose' },
  orderDays: { zh: '限期（工作日）', en: 'Working days allowed' },
  explanation: { zh: '结案说明', en: 'Explanation to close with' },
  panelReason: { zh: '提请会商的理由', en: 'Why the panel should review it' },
  decide: { zh: '提交决定', en: 'Decide' },
  decided: { zh: '已对工单 {id} 作出决定。', en: 'Decision on {id} recorded.' },
  ticket: { zh: '工单', en: 'Ticket' },
  at: { zh: '放弃时间', en: 'Given up at' },
  error: { zh: '原因', en: 'Error' },
  sending: { zh: '提交中…', en: 'Sending…' },
};

type Decision = 'redispatch' | 'order' | 'close' | 'refer-to-panel';

const decisionNames: Record<Decision, Text> = {
  redispatch: { zh: '重新派单', en: 'Dispatch to another unit' },
  order: { zh: '限期办理', en: 'Order a unit, with a time limit' },
  close: { zh: '解释结案', en: 'Close with an explanation' },
  'refer-to-panel': { zh: '提请联席会商', en: 'Refer to the joint-review panel' },
};

interface Page {
  items: Ticket[];
  cursor?: string;
}

/** One work list: its heading with the board's count, a notice after a decision, and a card per ticket. */
function WorkList({ id, title, count, empty, path, changes, children }: {
  id: string;
  title: Text;
  count: number | undefined;
  empty: Text;
  path: string;
  changes: number;
  children(ticket: Ticket, decided: (message: string) => void): preact.JSX.Element;
}) {
  const { t } = useLang();
  const [decisions, setDecisions] = useState(0);
  const [notice, setNotice] = useState<string>();
  const page = useLoad(() => api<Page>(path), [path, changes, decisions]);
  const items = page.data?.items ?? [];
  const decided = (message: string) => {
    setNotice(message);
    setDecisions((n) => n + 1);
  };
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {t(title)}
        {count !== undefined && <span class="badge">{count}</span>}
      </h2>
      {notice && <p class="notice" role="status">{notice}</p>}
      <LoadStatus loading={page.loading && !page.data} error={page.error} />
      {page.data && items.length === 0 && <p class="muted">{t(empty)}</p>}
      {count !== undefined && count > items.length && items.length > 0 && <p class="muted small">{fill(t(text.showing), { shown: items.length, count })}</p>}
      <div class="grid">{items.map((ticket) => children(ticket, decided))}</div>
    </section>
  );
}

/** Extension requests, oldest first, each approved or refused with an optional comment. */
export function Extensions({ count, changes }: { count: number | undefined; changes: number }) {
  const units = useUnits();
  return (
    <WorkList id="extensions" title={text.extensions} count={count} empty={text.emptyExtensions} path={`/v1/tickets?queue=pending-extensions&limit=${PAGE_SIZE}`} changes={changes}>
      {(ticket, decided) => <ExtensionCard key={ticket.id} ticket={ticket} units={units} onDecided={decided} />}
    </WorkList>
  );
}

function TicketHeading({ ticket }: { ticket: Ticket }) {
  return (
    <h3>
      <a href={`/tickets/${ticket.id}`}>{ticket.id}</a> {ticket.title}
    </h3>
  );
}

function ExtensionCard({ ticket, units, onDecided }: { ticket: Ticket; units: Names<Unit>; onDecided(message: string): void }) {
  const { t, lang } = useLang();
  const [comment, setComment] = useState('');
  const action = useAction(ticket.id);
  const request = ticket.pendingExtension;
  const decide = async (approve: boolean) => {
    const body = { type: 'decide-extension', approve, ...(comment.trim() ? { comment } : {}) };
    if (await action.send(body)) onDecided(fill(t(approve ? text.approved : text.refused), { id: ticket.id }));
  };
  const commentError = action.failure?.forField('comment');
  return (
    <article class="card work" data-ticket={ticket.id}>
      <TicketHeading ticket={ticket} />
      <dl class="facts">
        <dt>{t(text.unit)}</dt>
        <dd>{units.name(ticket.unitId)}</dd>
        <dt>{t(text.days)}</dt>
        <dd data-testid="extension-days">{request ? fill(t(text.dayCount), { days: request.days }) : '—'}</dd>
        <dt>{t(text.reason)}</dt>
        <dd>{request?.reason ?? '—'}</dd>
        <dt>{t(text.requestedAt)}</dt>
        <dd>{formatTime(request?.requestedAt, lang)}</dd>
        <dt>{t(text.deadline)}</dt>
        <dd>{formatTime(ticket.deadlines.complete, lang)}</dd>
      </dl>
      <form onSubmit={(e) => { e.preventDefault(); void decide(true); }}>
        <Field id={`comment-${ticket.id}`} label={t(text.comment)} error={commentError}>
          {(described) => <textarea {...described} name="comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />}
        </Field>
        {action.failure && !commentError && <p class="error" role="alert">{action.failure.message}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={action.busy}>{t(text.approve)}</button>
          <button type="button" disabled={action.busy} onClick={() => void decide(false)}>{t(text.refuse)}</button>
        </div>
      </form>
    </article>
  );
}

/** Difficult cases, oldest first, each decided: another unit, an order with a time limit, closed, or to the panel. */
export function DifficultCases({ count, changes }: { count: number | undefined; changes: number }) {
  const units = useUnits();
  return (
    <WorkList id="difficult" title={text.difficult} count={count} empty={text.emptyDifficult} path={`/v1/tickets?queue=difficult&limit=${PAGE_SIZE}`} changes={changes}>
      {(ticket, decided) => <DifficultCard key={ticket.id} ticket={ticket} units={units} onDecided={decided} />}
    </WorkList>
  );
}

function DifficultCard({ ticket, units, onDecided }: { ticket: Ticket; units: Names<Unit>; onDecided(message: string): void }) {
  const { t, lang } = useLang();
  const [decision, setDecision] = useState<Decision>('redispatch');
  const [unitId, setUnitId] = useState('');
  const [days, setDays] = useState('');
  const [words, setWords] = useState('');
  const action = useAction(ticket.id);
  const id = (field: string) => `${field}-${ticket.id}`;
  const error = (field: string) => action.failure?.forField(field);

  const submit = async (event: Event) => {
    event.preventDefault();
    const body: Record<string, unknown> = { type: 'decide-difficult', decision };
    // Sent as chosen, an empty choice left out: the API names what is missing or wrong, beside its field.
    if ((decision === 'redispatch' || decision === 'order') && unitId) body.unitId = unitId;
    if (decision === 'order' && days !== '') body.days = Number(days);
    if (decision === 'close') body.explanation = words;
    if (decision === 'refer-to-panel') body.reason = words;
    if (await action.send(body)) onDecided(fill(t(text.decided), { id: ticket.id }));
  };

  const handlerTypes: Unit['type'][] = ['street', 'district', 'department'];
  const groups = handlerTypes.map((type) => ({ type, units: units.list.filter((u) => u.type === type) }));
  const groupNames: Record<string, Text> = { street: { zh: '街道、镇', en: 'Streets and towns' }, district: { zh: '区', en: 'Districts' }, department: { zh: '市直部门', en: 'Departments' } };
  const shownErrors = ['unitId', 'days', 'explanation', 'reason', 'decision'].filter((f) => error(f));

  return (
    <article class="card work" data-ticket={ticket.id}>
      <TicketHeading ticket={ticket} />
      <dl class="facts">
        <dt>{t(text.markedBy)}</dt>
        <dd>{units.name(ticket.difficultUnitId ?? ticket.unitId)}</dd>
        <dt>{t(text.address)}</dt>
        <dd>{units.name(ticket.location.districtId)} {ticket.location.address}</dd>
        <dt>{t(text.markedAt)}</dt>
        <dd>{formatTime(ticket.updatedAt, lang)}</dd>
      </dl>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset class="choices">
          <legend>{t(text.decision)}</legend>
          {(Object.keys(decisionNames) as Decision[]).map((d) => (
            <label key={d} class="choice">
              <input type="radio" name={id('decision')} value={d} checked={decision === d} onChange={() => setDecision(d)} /> {t(decisionNames[d])}
            </label>
          ))}
        </fieldset>
        {(decision === 'redispatch' || decision === 'order') && (
          <Field id={id('unit')} label={t(text.handler)} error={error('unitId')}>
            {(described) => (
              <select {...described} value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
                <option value="">{t(text.pick)}</option>
                {groups.map((g) => (
                  <optgroup key={g.type} label={t(groupNames[g.type] ?? text.handler)}>
                    {g.units.map((u) => <option key={u.id} value={u.id}>{u.name[lang]}</option>)}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
        )}
        {decision === 'order' && (
          <Field id={id('days')} label={t(text.orderDays)} error={error('days')}>
            {(described) => <input {...described} type="number" min={1} step={1} inputMode="numeric" value={days} onInput={(e) => setDays(e.currentTarget.value)} />}
          </Field>
        )}
        {(decision === 'close' || decision === 'refer-to-panel') && (
          <Field id={id(decision)} label={t(decision === 'close' ? text.explanation : text.panelReason)} error={error(decision === 'close' ? 'explanation' : 'reason')}>
            {(described) => <textarea {...described} value={words} onInput={(e) => setWords(e.currentTarget.value)} />}
          </Field>
        )}
        {action.failure && shownErrors.length === 0 && <p class="error" role="alert">{action.failure.message}</p>}
        <button type="submit" class="primary" disabled={action.busy}>{action.busy ? t(text.sending) : t(text.decide)}</button>
      </form>
    </article>
  );
}

interface Undelivered {
  ticketId: string;
  deliveryId: string;
  unitId: string;
  at: string;
  error?: string;
}

/** Notifications given up on after about a day: the office chases these units by phone. */
export function UndeliveredNotices({ count, changes }: { count: number | undefined; changes: number }) {
  const { t, lang } = useLang();
  const units = useUnits();
  const list = useLoad(() => api<{ items: Undelivered[] }>('/v1/notifications/undelivered'), [changes]);
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="undelivered-title" data-testid="undelivered">
      <h2 id="undelivered-title">
        {t(text.undelivered)}
        {count !== undefined && <span class="badge">{count}</span>}
      </h2>
      <LoadStatus loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p class="muted">{t(text.emptyUndelivered)}</p>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table class="compact">
            <thead>
              <tr>
                <th scope="col">{t(text.ticket)}</th>
                <th scope="col">{t(text.unit)}</th>
                <th scope="col">{t(text.at)}</th>
                <th scope="col">{t(text.error)}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((n) => (
                <tr key={n.deliveryId}>
                  <th scope="row"><a href={`/tickets/${n.ticketId}`}>{n.ticketId}</a></th>
                  <td>{units.name(n.unitId)}</td>
                  <td>{formatTime(n.at, lang)}</td>
                  <td>{n.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
