// The supervision office's wall screen (督办看板): the red/amber/green strip first, then the pictures, then the lists
// to chase and the office's own work. It keeps itself current: the board is polled with its ETag, and the lists read
// again only when the board's figures changed.
import type { ApiError } from '../api.js';
import { formatTime } from '../format.js';
import { type Text, fill, useLang } from '../i18n.js';
import { useSession } from '../use-session.js';
import { BoardCharts } from './board/board-charts.js';
import { TicketLists } from './board/ticket-lists.js';
import { type BoardView, BOARD_POLL_MS, useBoard } from './board/use-board.js';
import { DifficultCases, Extensions, UndeliveredNotices } from './board/work-lists.js';

const text = {
  title: { zh: '督办看板', en: 'Supervision board' },
  asOf: { zh: '数据截至 {time}（北京时间），每 {seconds} 秒检查更新', en: 'As of {time} Beijing time; checked every {seconds} s' },
  checked: { zh: '最近检查 {time}', en: 'last checked {time}' },
  loading: { zh: '正在读取看板…', en: 'Reading the board…' },
  unavailable: { zh: '看板数字暂不可用：{message}', en: 'The board’s figures are unavailable: {message}' },
  stale: { zh: '更新失败，显示的是上次的数字：{message}', en: 'Could not update; showing the last figures: {message}' },
  pending: { zh: '待办：延期申请 {extensions} · 疑难待决定 {difficult} · 退单待审核 {returns} · 未送达通知 {undelivered}', en: 'Waiting: extension requests {extensions} · difficult cases {difficult} · returns to review {returns} · undelivered notifications {undelivered}' },
};

const stripCounts: { key: keyof BoardView['strip']; colour: string; label: Text; hint: Text }[] = [
  { key: 'overdue', colour: 'red', label: { zh: '超期', en: 'Overdue' }, hint: { zh: '已过办结时限', en: 'past the deadline' } },
  { key: 'dueSoon', colour: 'amber', label: { zh: '临期', en: 'Due soon' }, hint: { zh: '24小时内到期', en: 'due within 24 h' } },
  { key: 'onTime', colour: 'green', label: { zh: '正常', en: 'On time' }, hint: { zh: '时限充足', en: 'in good time' } },
  { key: 'open', colour: 'grey', label: { zh: '全部在办', en: 'Open' }, hint: { zh: '正在办理的工单', en: 'tickets in hand' } },
];

/** The board screen. */
export function Board() {
  const { t, lang } = useLang();
  const session = useSession();
  const { board, error, changes, checkedAt } = useBoard();
  const office = session?.user.role === 'supervisor' || session?.user.role === 'admin';

  return (
    <section class="board">
      <div class="row heading">
        <h1>{t(text.title)}</h1>
        {board && (
          <p class="muted as-of" data-testid="as-of">
            {fill(t(text.asOf), { time: formatTime(board.asOf, lang), seconds: BOARD_POLL_MS / 1000 })}
            {checkedAt && <> · {fill(t(text.checked), { time: checkedAt.toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false }) })}</>}
          </p>
        )}
      </div>
      <Strip board={board} error={error} />
      {board && office && <p class="muted">{fill(t(text.pending), board.pending)}</p>}
      {board && <BoardCharts board={board} />}
      <TicketLists board={board} changes={changes} />
      {/* The office's work lists are below the fold: asked for once the strip has its figures, so on the first screen
          the board and the overdue list do not queue behind them. */}
      {office && (board || error) && (
        <>
          <Extensions count={board?.pending.extensions} changes={changes} />
          <DifficultCases count={board?.pending.difficult} changes={changes} />
          <UndeliveredNotices count={board?.pending.undelivered} changes={changes} />
        </>
      )}
    </section>
  );
}

/** The four counts, or why there are none; a failed poll after a good one keeps the last counts with a warning. */
function Strip({ board, error }: { board: BoardView | undefined; error: ApiError | undefined }) {
  const { t } = useLang();
  return (
    <div data-testid="strip" aria-live="polite">
      {error && (
        <p class="error" role="alert">
          {fill(t(board ? text.stale : text.unavailable), { message: error.message })}
        </p>
      )}
      {!board && !error && <p class="muted">{t(text.loading)}</p>}
      {board && (
        <div class="strip">
          {stripCounts.map((c) => (
            <div key={c.key} class={`count ${c.colour}`} data-count={c.key}>
              {t(c.label)}
              <b>{board.strip[c.key]}</b>
              <small>{t(c.hint)}</small>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
