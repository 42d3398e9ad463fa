// The league table (排行榜): each unit's month by response, on-time completion, first-dispatch accuracy, resolution and
// satisfaction, with the weighted score; sortable by any column and exported for Excel. A unit sees its own row only.
import { useEffect, useState } from 'preact/hooks';
import type { LeagueRow } from '../../../domain/metrics/league-table.js';
import { api } from '../api.js';
import { runningMonth } from '../clock.js';
import { DownloadButton } from '../components/download-button.js';
import { SortHeader, useSorted } from '../components/sortable.js';
import { LoadStatus } from '../components/status.js';
import { useUnits } from '../directory.js';
import { formatMonth, formatRate } from '../format.js';
import { type Text, fill, useLang } from '../i18n.js';
import { useLoad } from '../use-load.js';

const text = {
  title: { zh: '承办单位排行榜', en: 'League table of units' },
  month: { zh: '月份', en: 'Month' },
  download: { zh: '导出 CSV', en: 'Download CSV' },
  caption: { zh: '{month}各承办单位考核指标（点击列标题排序）', en: 'Units’ figures for {month} (click a column heading to sort)' },
  empty: { zh: '这个月还没有派给任何单位的工单。', en: 'No ticket was dispatched to any unit this month.' },
  weights: {
    zh: '综合得分按响应率 20%、按时办结率 20%、首派准确率 10%、解决率 25%、满意率 25% 加权；无数据的指标不计入。',
    en: 'The score weighs response 20%, on-time completion 20%, first-dispatch accuracy 10%, resolution 25% and satisfaction 25%; a rate with no data is left out.',
  },
};

type Column = 'rank' | 'unit' | 'dispatched' | 'responseRate' | 'onTimeCompletionRate' | 'firstDispatchAccuracy' | 'resolutionRate' | 'satisfactionRate' | 'overdue' | 'score';

const rateColumns = ['responseRate', 'onTimeCompletionRate', 'firstDispatchAccuracy', 'resolutionRate', 'satisfactionRate'] as const;

const headings: Record<Column, Text> = {
  rank: { zh: '排名', en: 'Rank' },
  unit: { zh: '单位', en: 'Unit' },
  dispatched: { zh: '派单量', en: 'Dispatched' },
  responseRate: { zh: '响应率', en: 'Response' },
  onTimeCompletionRate: { zh: '按时办结率', en: 'On time' },
  firstDispatchAccuracy: { zh: '首派准确率', en: 'First dispatch' },
  resolutionRate: { zh: '解决率', en: 'Resolution' },
  satisfactionRate: { zh: '满意率', en: 'Satisfaction' },
  overdue: { zh: '超期件数', en: 'Overdue' },
  score: { zh: '综合得分', en: 'Score' },
};

const columns = Object.keys(headings) as Column[];

interface LeagueAnswer {
  month: string;
  units: number;
  items: LeagueRow[];
}

/** The league table screen. */
export function League() {
  const { t, lang } = useLang();
  const units = useUnits();
  const [month, setMonth] = useState<string>();
  const [latest, setLatest] = useState<string>();
  useEffect(() => {
    void runningMonth().then((running) => {
      setLatest(running);
      setMonth((picked) => picked ?? running);
    });
  }, []);

  const table = useLoad(async () => (month ? api<LeagueAnswer>(`/v1/metrics/units?month=${month}`) : undefined), [month]);
  const rows = table.data && table.data.month === month ? table.data.items : [];
  const { sorted, sort, toggle } = useSorted<LeagueRow, Column>(rows, (row, column) => (column === 'unit' ? units.name(row.unitId) : row[column]));

  return (
    <section>
      <h1>{t(text.title)}</h1>
      <div class="row toolbar">
        <div>
          <label for="league-month">{t(text.month)}</label>
          <input id="league-month" type="month" value={month ?? ''} max={latest} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />
        </div>
        {month && <DownloadButton path={`/v1/metrics/units?month=${month}`} filename={`league-${month}.csv`} label={text.download} />}
      </div>
      <LoadStatus loading={table.loading || !month} error={table.error} />
      {month && table.data && rows.length === 0 && !table.loading && <p class="muted">{t(text.empty)}</p>}
      {rows.length > 0 && month && (
        <div class="table-wrap">
          <table class="league">
            <caption>{fill(t(text.caption), { month: formatMonth(month, lang) })}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <SortHeader key={column} column={column} sort={sort} onSort={toggle} numeric={column !== 'unit'}>
                    {t(headings[column])}
                  </SortHeader>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.unitId} data-unit={row.unitId}>
                  <td class="num">{row.rank}</td>
                  <th scope="row">{units.name(row.unitId)}</th>
                  <td class="num">{row.dispatched}</td>
                  {rateColumns.map((column) => (
                    <td key={column} class="num">{formatRate(row[column])}</td>
                  ))}
                  <td class={row.overdue > 0 ? 'num red' : 'num'}>{row.overdue}</td>
                  <td class="num"><b>{row.score === null ? '—' : row.score.toFixed(2)}</b></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted small">{t(text.weights)}</p>
    </section>
  );
}
