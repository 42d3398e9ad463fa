// The board's pictures: tickets created, closed and overdue over the last 14 days, open tickets by escalation level,
// and the districts by level as a shaded grid.
import { useMemo } from 'preact/hooks';
import { Chart, type ChartOption, chartColors } from '../../components/chart.js';
import { type Text, fill, useLang } from '../../i18n.js';
import type { BoardView } from './use-board.js';

const text = {
  days: { zh: '近14天新建与超期', en: 'Created and overdue, last 14 days' },
  created: { zh: '新建', en: 'Created' },
  closed: { zh: '办结', en: 'Closed' },
  overdue: { zh: '超期', en: 'Overdue' },
  daysLabel: {
    zh: '近14天每日工单柱线图：柱为新建和办结，折线为超期；{date} 新建 {created}、办结 {closed}、超期 {overdue}',
    en: 'Bar and line chart of the last 14 days: bars created and closed, line overdue; on {date} {created} created, {closed} closed, {overdue} overdue',
  },
  levels: { zh: '在办工单的督办层级', en: 'Open tickets by escalation level' },
  levelsLabel: { zh: '在办工单按层级柱状图：{values}', en: 'Bar chart of open tickets by level: {values}' },
  districts: { zh: '各区在办工单（按层级）', en: 'Open tickets by district and level' },
  district: { zh: '区', en: 'District' },
  total: { zh: '合计', en: 'Total' },
};

export const levelNames: Record<1 | 2 | 3, Text> = {
  1: { zh: '一级·承办单位', en: 'L1 unit' },
  2: { zh: '二级·区级兜底', en: 'L2 district' },
  3: { zh: '三级·市级督办', en: 'L3 city' },
};

// The grid's columns are narrow: the level's number alone, its full name in the title.
const levelShort: Record<1 | 2 | 3, Text> = { 1: { zh: '一级', en: 'L1' }, 2: { zh: '二级', en: 'L2' }, 3: { zh: '三级', en: 'L3' } };

const levelColors = { 1: chartColors.green, 2: chartColors.amber, 3: chartColors.red } as const;

/** The three pictures of the board, side by side where there is room. */
export function BoardCharts({ board }: { board: BoardView }) {
  const { t, lang } = useLang();

  const daysOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 40, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: board.days.map((d) => d.date.slice(5)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: t(text.created), type: 'bar', data: board.days.map((d) => d.created), itemStyle: { color: chartColors.accent } },
        { name: t(text.closed), type: 'bar', data: board.days.map((d) => d.closed), itemStyle: { color: chartColors.grey } },
        { name: t(text.overdue), type: 'line', yAxisIndex: 1, data: board.days.map((d) => d.overdue), lineStyle: { width: 3, color: chartColors.red }, itemStyle: { color: chartColors.red } },
      ],
    }),
    [board.days, lang],
  );

  const levelsOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: board.byLevel.map((l) => t(levelNames[l.level])) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t(text.levels),
          type: 'bar',
          barMaxWidth: 64,
          label: { show: true, position: 'top' },
          data: board.byLevel.map((l) => ({ value: l.open, itemStyle: { color: levelColors[l.level] } })),
        },
      ],
    }),
    [board.byLevel, lang],
  );

  const last = board.days.at(-1);
  const daysLabel = last
    ? fill(t(text.daysLabel), { date: last.date, created: last.created, closed: last.closed, overdue: last.overdue })
    : t(text.days);
  const levelsLabel = fill(t(text.levelsLabel), { values: board.byLevel.map((l) => `${t(levelNames[l.level])} ${l.open}`).join(lang === 'zh' ? '，' : ', ') });

  return (
    <div class="grid charts">
      <section class="card" aria-labelledby="days-title">
        <h2 id="days-title">{t(text.days)}</h2>
        <Chart option={daysOption} label={daysLabel} />
      </section>
      <section class="card" aria-labelledby="levels-title">
        <h2 id="levels-title">{t(text.levels)}</h2>
        <Chart option={levelsOption} label={levelsLabel} />
      </section>
      <section class="card" aria-labelledby="districts-title">
        <h2 id="districts-title">{t(text.districts)}</h2>
        <DistrictGrid byDistrict={board.byDistrict} />
      </section>
    </div>
  );
}

/** Districts × levels: each cell shaded by how many open tickets it holds. */
function DistrictGrid({ byDistrict }: { byDistrict: BoardView['byDistrict'] }) {
  const { t, lang } = useLang();
  const most = Math.max(1, ...byDistrict.flatMap((d) => Object.values(d.levels).map((n) => n ?? 0)));
  return (
    <div class="table-wrap">
      <table class="compact heat">
        <thead>
          <tr>
            <th scope="col">{t(text.district)}</th>
            {([1, 2, 3] as const).map((level) => (
              <th key={level} scope="col" class="num" title={t(levelNames[level])}>{t(levelShort[level])}</th>
            ))}
            <th scope="col" class="num">{t(text.total)}</th>
          </tr>
        </thead>
        <tbody>
          {byDistrict.map((d) => (
            <tr key={d.districtId}>
              <th scope="row">{d.name[lang]}</th>
              {(['1', '2', '3'] as const).map((level) => {
                const n = d.levels[level] ?? 0;
                return (
                  <td key={level} class="num" style={heat(n / most, level)}>
                    {n}
                  </td>
                );
              })}
              <td class="num"><b>{d.open}</b></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Shade by share of the busiest cell, in the level's colour; the number stays readable on dark shades.
function heat(share: number, level: '1' | '2' | '3'): Record<string, string> {
  const rgb = { '1': '46, 125, 50', '2': '178, 106, 0', '3': '198, 40, 40' }[level];
  const alpha = share === 0 ? 0 : 0.12 + share * 0.78;
  return { background: `rgba(${rgb}, ${alpha.toFixed(2)})`, color: alpha > 0.5 ? '#fff' : 'inherit' };
}
