// The month's zeroing report as the supervision office receives it: the counts, the red list, per district, in Chinese.
import type { MonthReport } from '../zeroing/month-report.js';
import type { Notice } from './channel.js';

export type ZeroingReport = MonthReport & { panelFindings: { 'beyond-policy': number; unreasonable: number } };

/** The notice of a closed month: one line per figure, the red list and the districts, and the link to the ledger. */
export function zeroingReportNotice(report: ZeroingReport, at: Date, webBaseUrl: string): Notice {
  const link = `${webBaseUrl}/zeroing/${report.month}`;
  const rate = `${Math.round(report.clearanceRate * 1000) / 10}%`;
  const text = [
    `${report.month} 动态清零月报`,
    `台账合计：${report.entered}（上月转入 ${report.carriedOver}，本月新增 ${report.added}）`,
    `已销号：${report.cleared + report.explained}（回访确认 ${report.cleared}，认定合理处置 ${report.explained}），未销号转入下月：${report.open}，销号率 ${rate}`,
    `联席会商结案：超出现行政策 ${report.panelFindings['beyond-policy']} 件，诉求不合理 ${report.panelFindings.unreasonable} 件`,
    report.redList.length > 0 ? `红榜（仍有未销号工单的单位）：${report.redList.map((u) => `${u.unitId} ${u.open} 件`).join('；')}` : '红榜：无，全部清零',
    `分区：${report.byDistrict.map((d) => `${d.districtId} 合计 ${d.entered}、未销号 ${d.open}`).join('；') || '无'}`,
    `查看台账：${link}`,
    '',
    `Zeroing report ${report.month}: ${report.entered} on the ledger, ${report.cleared + report.explained} cleared, ${report.open} carried over; red list ${report.redList.length} units: ${link}`,
  ].join('\n');
  return {
    id: `zeroing-report-${report.month}`,
    type: 'zeroing.report',
    occurredAt: at.toISOString(),
    subject: `【12345】${report.month} 动态清零月报：未销号 ${report.open} 件`,
    text,
    data: { report },
  };
}
