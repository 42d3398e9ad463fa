// A panel member's panels (open first), or for the supervision office every panel of the month.
import type { Panel } from '../../../schemas/panel.js';
import { api } from '../api.js';
import { Countdown } from '../components/countdown.js';
import { LoadStatus } from '../components/status.js';
import { formatTime } from '../format.js';
import { useLang } from '../i18n.js';
import { useLoad } from '../use-load.js';
import { useSession } from '../use-session.js';

type Listed = Omit<Panel, 'votes' | 'skipped'> & { voted?: boolean };

const text = {
  mine: { zh: '我的联席会商', en: 'My panels' },
  all: { zh: '本月联席会商', en: "This month's panels" },
  panel: { zh: '会商', en: 'Panel' },
  ticket: { zh: '工单', en: 'Ticket' },
  question: { zh: '议题', en: 'Question' },
  deadline: { zh: '表决截止', en: 'Votes due' },
  state: { zh: '状态', en: 'State' },
  open: { zh: '表决中', en: 'Voting' },
  closed: { zh: '已结束', en: 'Closed' },
  voted: { zh: '已投票', en: 'Voted' },
  toVote: { zh: '待投票', en: 'To vote' },
  empty: { zh: '暂无会商', en: 'No panels' },
};

/** The panels screen. */
export function Panels() {
  const { t, lang } = useLang();
  const session = useSession();
  const isMember = session?.user.role === 'panelist';
  const panels = useLoad(() => api<{ items: Listed[] }>(isMember ? '/v1/panels?member=me' : '/v1/panels'), [isMember]);
  return (
    <section>
      <h1>{t(isMember ? text.mine : text.all)}</h1>
      <LoadStatus loading={panels.loading && !panels.data} error={panels.error} />
      {panels.data?.items.length === 0 && <p class="muted">{t(text.empty)}</p>}
      {panels.data && panels.data.items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead><tr><th>{t(text.panel)}</th><th>{t(text.ticket)}</th><th>{t(text.question)}</th><th>{t(text.deadline)}</th><th>{t(text.state)}</th></tr></thead>
            <tbody>
              {panels.data.items.map((p) => (
                <tr key={p.id} data-panel={p.id}>
                  <td><a href={`/panels/${p.id}`}>{p.id}</a></td>
                  <td>{p.ticketId}</td>
                  <td>{p.question}</td>
                  <td>{formatTime(p.deadline, lang)}{p.status === 'voting' && <> · <Countdown deadline={p.deadline} /></>}</td>
                  <td>{t(p.status === 'voting' ? text.open : text.closed)}{isMember && p.status === 'voting' && ` · ${t(p.voted ? text.voted : text.toVote)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
