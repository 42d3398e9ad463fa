// Monthly zeroing task: close last month's campaign with its report (per unit and district, the red list, panel
// findings), keep it, and send it to the supervision office by its channels (email, webhook).
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { channels } from '../../adapters/notify/channels.js';
import { zeroingReportNotice } from '../../domain/notifications/zeroing-report.js';
import { monthReport } from '../../domain/zeroing/month-report.js';
import { systemActor } from '../../schemas/actor.js';
import { CloseMonthPayload } from '../../schemas/workflows/monthly-zeroing.js';
import { decisionContext, directory, ledger } from '../shared/services.js';
import { logger, withLogging } from '../shared/logger.js';

export const handler = middy(async (event: unknown) => {
  const { month } = CloseMonthPayload.parse(event);
  const at = now();
  // Entries can exist for a month whose campaign never opened (the first month the system ran).
  await ledger.openCampaign({ month, status: 'open', openedAt: at.toISOString(), panelFindings: { 'beyond-policy': [], unreasonable: [] } });
  const campaign = await ledger.campaign(month);
  if (campaign?.status === 'closed') return { closed: false, open: Number((campaign.report as { open?: number } | undefined)?.open ?? 0) };
  const findings = campaign?.panelFindings ?? { 'beyond-policy': [], unreasonable: [] };
  const report = { ...monthReport(month, await ledger.allEntries(month)), panelFindings: { 'beyond-policy': findings['beyond-policy'].length, unreasonable: findings.unreasonable.length } };
  if (!(await ledger.closeCampaign(month, at.toISOString(), report))) return { closed: false, open: report.open };
  const supervision = (await decisionContext(systemActor)).city.supervision.id;
  const subscriptions = await directory.subscriptions(supervision);
  const notice = zeroingReportNotice(report, at, process.env.WEB_BASE_URL ?? '');
  for (const channel of channels) {
    for (const target of channel.targets(subscriptions)) {
      const sent = await channel.send(target, notice, at);
      if (!sent.ok) logger.warn('zeroing report not delivered', { month, channel: channel.name, target: sent.target, error: sent.error });
    }
  }
  return { closed: true, open: report.open };
}).use(withLogging());
