// Dynamic zeroing (动态清零): a month's campaign — its totals, the burn-down to zero, each unit's progress, the red
// list — and its ledger, where the supervision office certifies entries as handled. A unit sees its own entries only.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { MonthReport } from '../../../domain/zeroing/month-report.js';
import type { LedgerEntry, ZeroingCampaign } from '../../../schemas/zeroing.js';
import { ApiError, api } from '../api.js';
import { runningMonth, serverNow } from '../clock.js';
import { Chart, type ChartOption, chartColors } from '../components/chart.js';
import { LoadStatus } from '../components/status.js';
import { useUnits } from '../directory.js';
import { formatMonth, formatRate, formatTime } from '../format.js';
import { fill, useLang } from '../i18n.js';
import { useLoad } from '../use-load.js';
import { useSession } from '../use-session.js';
import { Entries, entriesPath } from './zeroing/entries.js';
import { type Figures, burnDown, figuresOf } from './zeroing/figures.js';

const text = {
  title: { zh: '动态清零', en: 'Dynamic zeroing' },
  month: { zh: '清零月份', en: 'Campaign month' },
  open: { zh: '进行中', en: 'running' },
  closed: { zh: '已结束', en: 'closed' },
  running: { zh: '进行中，{at} 开启', en: 'running since {at}' },
  ended: { zh: '已于 {at} 结束，以下为月报数字', en: 'closed on {at}; the figures are its report' },
  noRecord: {
    zh: '本月尚无清零汇总记录（汇总在每月1日开启），以下数字按已载入的台账条目计算。',
    en: 'This month has no campaign record yet (one opens on the 1st); the figures are counted from the entries loaded here.',
  },
  ownOnly: { zh: '以下为本单位的台账条目。', en: 'These are your own entries.' },
  stillOpen: { zh: '未销号', en: 'Still open' },
  done: { zh: '已销号', en: 'Cleared' },
  doneDetail: { zh: '回访确认 {cleared} · 认定 {explained}', en: '{cleared} confirmed · {explained} certified' },
  entered: { zh: '台账合计', en: 'On the ledger' },
  enteredDetail: { zh: '上月转入 {carried}', en: '{carried} carried over' },
  rate: { zh: '销号率', en: 'Clearance rate' },
  burnTitle: { zh: '清零进度（每日未销号数）', en: 'Burn-down to zero (open entries per day)' },
  burnOpen: { zh: '未销号', en: 'Open' },
  burnListed: { zh: '累计列入', en: 'Listed so far' },
  burnLabel: { zh: '{month}每日未销号条目数折线图：今天 {open} 条，本月累计列入 {listed} 条', en: 'Line chart of open entries per day in {month}: {open} today, {listed} listed this month' },
  burnPartial: { zh: '按已载入的前 {count} 条台账条目绘制。', en: 'Drawn from the first {count} entries.' },
  byUnit: { zh: '各单位进度', en: 'Progress by unit' },
  unit: { zh: '单位', en: 'Unit' },
  unitEntered: { zh: '列入', en: 'Listed' },
  unitDone: { zh: '已销号', en: 'Cleared' },
  unitOpen: { zh: '未销号', en: 'Open' },
  progress: { zh: '进度', en: 'Progress' },
  redList: { zh: '红榜（仍有未销号工单的单位）', en: 'Red list (units with entries still open)' },
  redCount: { zh: '{count} 件未销号', en: '{count} open' },
  noRed: { zh: '没有未销号的单位。', en: 'No unit has an entry open.' },
};

type Campaign = ZeroingCampaign & { progress: MonthReport };

// The burn-down reads one page of the largest size the API serves: enough for a city's month, and one request.
const BURN_DOWN_PAGE = 1000;

/** The zeroing screen. */
export function Zeroing() {
  const { t, lang } = useLang();
  const session = useSession();
  const role = session?.user.role;
  const wholeLedger = role === 'supervisor' || role === 'admin';
  const units = useUnits();

  const [running, setRunning] = useState<string>();
  const [month, setMonth] = useState<string>();
  useEffect(() => {
    void runningMonth().then((m) => {
      setRunning(m);
      setMonth((picked) => picked ?? m);
    });
  }, []);

  const campaigns = useLoad(async () => (wholeLedger ? (await api<{ items: ZeroingCampaign[] }>('/v1/zeroing/campaigns')).items : []), [wholeLedger]);
  const months = useMemo(() => {
    const listed = new Map((campaigns.data ?? []).map((c) => [c.month, c.status]));
    // The running month is offered even before its record exists: its entries are on the ledger already.
    return [...new Set([...(running ? [running] : []), ...listed.keys()])].sort().reverse().map((m) => ({ month: m, status: listed.get(m) }));
  }, [campaigns.data, running]);

  const [version, setVersion] = useState(0);
  const campaign = useLoad(async () => {
    if (!month || !wholeLedger) return undefined;
    try {
      return await api<Campaign>(`/v1/zeroing/campaigns/${month}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }, [month, wholeLedger, version]);
  const loading = useLoad(async () => {
    if (!month) return undefined;
    return { month, ...(await api<{ items: LedgerEntry[]; cursor?: string }>(entriesPath(month, {}, { limit: BURN_DOWN_PAGE }))) };
  }, [month, version]);
  // While another month loads, the last one's entries must not be drawn as this month's.
  const loaded = { ...loading, data: loading.data?.month === month ? loading.data : undefined };

  const [certified, setCertified] = useState<Map<string, Pick<LedgerEntry, 'status' | 'clearedAt' | 'note'>>>(new Map());
  const onCertified = useCallback((ticketId: string, change: Pick<LedgerEntry, 'status' | 'clearedAt' | 'note'>) => {
    setCertified((m) => new Map(m).set(ticketId, change));
    setVersion((v) => v + 1);
  }, []);

  const entries = useMemo(
    () => (loaded.data?.items ?? []).map((e) => (e.status === 'open' && certified.has(e.ticketId) ? { ...e, ...certified.get(e.ticketId) } : e)),
    [loaded.data, certified],
  );
  const record = campaign.data && campaign.data.month === month ? campaign.data : undefined;
  // A closed month's figures are its report. A running month's the API counts live, but an entry certified here a
  // moment ago may not have reached the ledger yet: with every entry loaded, counting them here includes it.
  const figures: Figures | undefined = useMemo(() => {
    if (record?.status === 'closed') return record.progress;
    if (!loaded.data) return undefined;
    return record && loaded.data.cursor !== undefined ? record.progress : figuresOf(entries);
  }, [record, loaded.data, entries]);

  const burn = useMemo(() => (month ? burnDown(month, entries, serverNow()) : undefined), [month, entries]);
  const today = burn?.open.filter((n) => n !== null).at(-1) ?? 0;
  const burnOption = useMemo<ChartOption | undefined>(
    () =>
      burn && {
        grid: { left: 40, right: 16, top: 36, bottom: 28 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: { type: 'category', data: burn.days, boundaryGap: false },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t(text.burnListed), type: 'line', data: burn.listed, step: 'end', symbol: 'none', lineStyle: { type: 'dashed', color: chartColors.grey }, itemStyle: { color: chartColors.grey } },
          { name: t(text.burnOpen), type: 'line', data: burn.open, symbolSize: 6, areaStyle: { opacity: 0.12 }, lineStyle: { width: 3, color: chartColors.red }, itemStyle: { color: chartColors.red } },
        ],
      },
    [burn, lang],
  );

  return (
    <section>
      <h1>{t(text.title)}</h1>
      <div class="row toolbar">
        <div>
          <label for="zeroing-month">{t(text.month)}</label>
          {wholeLedger ? (
            <select id="zeroing-month" value={month ?? ''} onChange={(e) => setMonth(e.currentTarget.value)}>
              {months.map((m) => (
                <option key={m.month} value={m.month}>
                  {formatMonth(m.month, lang)}
                  {m.status ? `（${t(m.status === 'open' ? text.open : text.closed)}）` : ''}
                </option>
              ))}
            </select>
          ) : (
            <input id="zeroing-month" type="month" value={month ?? ''} max={running} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />
          )}
        </div>
      </div>
      <LoadStatus loading={!month || (loaded.loading && !loaded.data)} error={campaigns.error ?? campaign.error ?? loaded.error} />
      {month && loaded.data && (
        <p class="muted">
          {!wholeLedger
            ? t(text.ownOnly)
            : record
              ? record.status === 'closed'
                ? fill(t(text.ended), { at: formatTime(record.closedAt, lang) })
                : fill(t(text.running), { at: formatTime(record.openedAt, lang) })
              : !campaign.loading && t(text.noRecord)}
        </p>
      )}
      {figures && (
        <div class="strip" aria-live="polite">
          <div class="count red" data-testid="zeroing-open">
            {t(text.stillOpen)}
            <b>{figures.open}</b>
          </div>
          <div class="count green">
            {t(text.done)}
            <b>{figures.cleared + figures.explained}</b>
            <small>{fill(t(text.doneDetail), { cleared: figures.cleared, explained: figures.explained })}</small>
          </div>
          <div class="count grey">
            {t(text.entered)}
            <b>{figures.entered}</b>
            <small>{fill(t(text.enteredDetail), { carried: figures.carriedOver })}</small>
          </div>
          <div class="count blue">
            {t(text.rate)}
            <b>{formatRate(figures.clearanceRate)}</b>
          </div>
        </div>
      )}
      {month && figures && burnOption && (
        <div class="grid charts">
          <section class="card" aria-labelledby="burn-title">
            <h2 id="burn-title">{t(text.burnTitle)}</h2>
            <Chart option={burnOption} label={fill(t(text.burnLabel), { month: formatMonth(month, lang), open: today, listed: figures.entered })} />
            {loaded.data?.cursor && <p class="muted small">{fill(t(text.burnPartial), { count: entries.length })}</p>}
          </section>
          <section class="card" aria-labelledby="units-title">
            <h2 id="units-title">{t(text.byUnit)}</h2>
            <div class="table-wrap">
              <table class="compact">
                <thead>
                  <tr>
                    <th scope="col">{t(text.unit)}</th>
                    <th scope="col" class="num">{t(text.unitEntered)}</th>
                    <th scope="col" class="num">{t(text.unitDone)}</th>
                    <th scope="col" class="num">{t(text.unitOpen)}</th>
                    <th scope="col">{t(text.progress)}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.byUnit.map((u) => {
                    const done = u.cleared + u.explained;
                    return (
                      <tr key={u.unitId}>
                        <th scope="row">{units.name(u.unitId)}</th>
                        <td class="num">{u.entered}</td>
                        <td class="num">{done}</td>
                        <td class={u.open > 0 ? 'num red' : 'num'}>{u.open}</td>
                        <td>
                          <progress max={u.entered} value={done} aria-label={`${units.name(u.unitId)} ${done}/${u.entered}`} /> {formatRate(u.entered === 0 ? 1 : done / u.entered)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          <section class="card" aria-labelledby="red-title">
            <h2 id="red-title" class="red">{t(text.redList)}</h2>
            {figures.redList.length === 0 ? (
              <p class="muted">{t(text.noRed)}</p>
            ) : (
              <ol class="red-list">
                {figures.redList.map((u) => (
                  <li key={u.unitId}>
                    <span>{units.name(u.unitId)}</span> <b class="red">{fill(t(text.redCount), { count: u.open })}</b>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
      {month && (
        <Entries
          key={month}
          month={month}
          units={units}
          byUnit={role !== 'clerk'}
          byDistrict={role !== 'clerk' && role !== 'coordinator'}
          mayCertify={role === 'supervisor'}
          certified={certified}
          onCertified={onCertified}
        />
      )}
    </section>
  );
}
