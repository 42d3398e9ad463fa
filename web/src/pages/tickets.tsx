// A person's work queues: a unit's inbox by deadline with a live countdown, and each ticket's actions opened in place.
import { useState } from 'preact/hooks';
import type { Role } from '../../../schemas/common.js';
import type { Ticket } from '../../../schemas/ticket.js';
import { statusNames } from '../../../domain/tickets/names.js';
import { api } from '../api.js';
import { ActionPanel } from '../components/action-panel.js';
import { Countdown } from '../components/countdown.js';
import { LoadStatus } from '../components/status.js';
import { type Text, useLang } from '../i18n.js';
import { useSession } from '../use-session.js';
import { useLoad } from '../use-load.js';
import { useUnits } from '../directory.js';

const queueNames: Record<string, Text> = {
  inbox: { zh: '本单位待办', en: 'Our inbox' },
  'called-in': { zh: '被召集的工单', en: 'Called in' },
  'awaiting-report-in': { zh: '待报到', en: 'Awaiting report-in' },
  'escalated-to-district': { zh: '区级兜底', en: 'District backstop' },
  'escalated-to-city': { zh: '市级督办', en: 'City supervision' },
  'pending-extensions': { zh: '延期待审批', en: 'Extension requests' },
  difficult: { zh: '疑难待定', en: 'Difficult cases' },
  'returns-to-review': { zh: '退单待审核', en: 'Returns to review' },
  'awaiting-callback': { zh: '待回访', en: 'Awaiting callback' },
  open: { zh: '全部在办', en: 'All in hand' },
};

const queuesOf: Record<Role, string[]> = {
  clerk: ['inbox', 'called-in', 'awaiting-report-in'],
  coordinator: ['inbox', 'escalated-to-district', 'awaiting-report-in'],
  supervisor: ['escalated-to-city', 'pending-extensions', 'difficult', 'awaiting-report-in', 'open'],
  admin: ['open', 'escalated-to-city', 'pending-extensions', 'difficult'],
  operator: ['returns-to-review', 'awaiting-callback', 'open'],
  panelist: [],
};

const text = {
  title: { zh: '工单待办', en: 'Tickets' },
  id: { zh: '工单号', en: 'Ticket' },
  subject: { zh: '诉求', en: 'Request' },
  status: { zh: '状态', en: 'Status' },
  unit: { zh: '承办单位', en: 'Unit' },
  level: { zh: '层级', en: 'Level' },
  deadline: { zh: '时限', en: 'Deadline' },
  handle: { zh: '办理', en: 'Handle' },
  close: { zh: '收起', en: 'Close' },
  empty: { zh: '队列为空', en: 'Nothing in this queue' },
  more: { zh: '下一页', en: 'Next page' },
  queues: { zh: '队列', en: 'Queues' },
};

type Listed = Ticket & { actions?: string[] };

/** The deadline that counts now: acceptance until accepted, then completion. */
const dueOf = (t: Ticket) => (t.status === 'dispatched' ? t.deadlines.accept : t.deadlines.complete);

/** The work queues screen. */
export function Tickets() {
  const { t } = useLang();
  const session = useSession();
  const units = useUnits();
  const queues = queuesOf[session?.user.role ?? 'panelist'];
  const [queue, setQueue] = useState(queues[0] ?? 'open');
  const [cursor, setCursor] = useState<string>();
  const [expanded, setExpanded] = useState<string>();
  const page = useLoad(() => api<{ items: Listed[]; cursor?: string }>(`/v1/tickets?queue=${queue}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), [queue, cursor]);
  const detail = useLoad(async () => (expanded ? api<Listed>(`/v1/tickets/${expanded}`) : undefined), [expanded]);
  return (
    <section>
      <h1>{t(text.title)}</h1>
      <div class="tabs" role="group" aria-label={t(text.queues)}>
        {queues.map((q) => (
          <button type="button" key={q} aria-pressed={q === queue} onClick={() => { setQueue(q); setCursor(undefined); setExpanded(undefined); }}>
            {t(queueNames[q] ?? { zh: q, en: q })}
          </button>
        ))}
      </div>
      <LoadStatus loading={page.loading && !page.data} error={page.error} />
      {page.data && page.data.items.length === 0 && <p class="muted">{t(text.empty)}</p>}
      {page.data && page.data.items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr><th>{t(text.id)}</th><th>{t(text.subject)}</th><th>{t(text.status)}</th><th>{t(text.unit)}</th><th>{t(text.level)}</th><th>{t(text.deadline)}</th><th /></tr>
            </thead>
            <tbody>
              {page.data.items.map((ticket) => [
                <tr key={ticket.id} data-ticket={ticket.id}>
                  <td><a href={`/tickets/${ticket.id}`}>{ticket.id}</a></td>
                  <td>{ticket.title}</td>
                  <td>{t(statusNames[ticket.status])}</td>
                  <td>{units.name(ticket.unitId)}</td>
                  <td>L{ticket.level}</td>
                  <td><Countdown deadline={dueOf(ticket)} /></td>
                  <td>
                    <button type="button" aria-expanded={expanded === ticket.id} onClick={() => setExpanded(expanded === ticket.id ? undefined : ticket.id)}>
                      {t(expanded === ticket.id ? text.close : text.handle)}
                    </button>
                  </td>
                </tr>,
                expanded === ticket.id && (
                  <tr key={`${ticket.id}-actions`}>
                    <td colSpan={7}>
                      <LoadStatus loading={detail.loading && !detail.data} error={detail.error} />
                      {detail.data?.id === ticket.id && (
                        <ActionPanel ticketId={ticket.id} actions={detail.data.actions ?? []} onDone={() => { void detail.reload(); void page.reload(); }} />
                      )}
                    </td>
                  </tr>
                ),
              ])}
            </tbody>
          </table>
        </div>
      )}
      {page.data?.cursor && <button type="button" onClick={() => setCursor(page.data?.cursor)}>{t(text.more)}</button>}
    </section>
  );
}
