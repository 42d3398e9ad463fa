// The ledger as a spreadsheet for Excel, times in Beijing.
import type { LedgerEntry } from '../../schemas/zeroing.js';
import { toCsv } from '../spreadsheet.js';
import { beijingTime } from '../time/beijing-time.js';
import { ledgerReasonNames } from './ledger-reason.js';
const statuses: Record<LedgerEntry['status'], string> = { open: '未销号', cleared: '已销号（回访确认）', explained: '已销号（认定合理处置）' };

/** The entries as CSV text, header first. */
export function ledgerCsv(entries: LedgerEntry[]): string {
  const header = ['月份', '工单编号', '责任单位', '区', '列入原因', '状态', '列入时间（北京时间）', '首次列入月份', '销号时间（北京时间）', '说明'];
  const rows = entries.map((e) => [
    e.month,
    e.ticketId,
    e.unitId,
    e.districtId ?? '',
    ledgerReasonNames[e.reason],
    statuses[e.status],
    beijingTime(e.enteredAt),
    e.carriedFrom ?? e.month,
    e.clearedAt ? beijingTime(e.clearedAt) : '',
    e.note ?? '',
  ]);
  return toCsv([header, ...rows]);
}
