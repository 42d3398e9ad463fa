// The month's ledger (台账), a page at a time by unit, district and state; the supervision office certifies an open
// entry as handled (认定销号) with its reason, right in the row.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LedgerEntry } from '../../../../schemas/zeroing.js';
import type { Ticket } from '../../../../schemas/ticket.js';
import { ApiError, api } from '../../api.js';
import { serverNow } from '../../clock.js';
import { DownloadButton } from '../../components/download-button.js';
import { Field } from '../../components/field.js';
import { LoadStatus } from '../../components/status.js';
import type { Names } from '../../directory.js';
import type { Unit } from '../../../../schemas/unit.js';
import { formatTime } from '../../format.js';
import { type Text, fill, useLang } from '../../i18n.js';
import { useLoad } from '../../use-load.js';

const PAGE_SIZE = 50;

const text = {
  title: { zh: '台账明细', en: 'Ledger entries' },
  unit: { zh: '责任单位', en: 'Unit' },
  district: { zh: '区', en: 'District' },
  status: { zh: '状态', en: 'State' },
  all: { zh: '全部', en: 'All' },
  ticket: { zh: '工单', en: 'Ticket' },
  reason: { zh: '列入原因', en: 'Why listed' },
  entered: { zh: '列入时间', en: 'Listed' },
  clearedAt: { zh: '销号时间', en: 'Cleared' },
  note: { zh: '说明', en: 'Note' },
  action: { zh: '操作', en: 'Action' },
  carried: { zh: '自{month}转入', en: 'carried from {month}' },
  more: { zh: '加载更多', en: 'More' },
  shown: { zh: '已显示 {count} 条', en: '{count} shown' },
  none: { zh: '没有符合条件的台账条目。', en: 'No entry matches.' },
  export: { zh: '导出台账 CSV', en: 'Download ledger CSV' },
  certify: { zh: '认定销号', en: 'Certify as handled' },
  certifyReason: { zh: '认定理由', en: 'Reason for certifying' },
  certifyHint: { zh: '说明为何可以认定已合理处置，例如会商结论或已向市民解释的情况。', en: 'Why the case counts as handled reasonably, e.g. a panel’s finding or what the citizen was told.' },
  confirm: { zh: '确认销号', en: 'Certify' },
  cancel: { zh: '取消', en: 'Cancel' },
  certified: { zh: '工单 {id} 已认定销号。', en: 'Ticket {id} is certified as handled.' },
  sending: { zh: '提交中…', en: 'Sending…' },
};

export const statusNames: Record<LedgerEntry['status'], Text> = {
  open: { zh: '未销号', en: 'open' },
  cleared: { zh: '已销号（回访确认）', en: 'cleared (citizen confirmed)' },
  explained: { zh: '已销号（认定合理处置）', en: 'cleared (certified as handled)' },
};

const reasonNames: Record<LedgerEntry['reason'], Text> = {
  unresolved: { zh: '未解决', en: 'unresolved' },
  unsatisfied: { zh: '不满意', en: 'unsatisfied' },
  overdue: { zh: '超期', en: 'overdue' },
};

export interface EntryFilter {
  unitId?: string;
  districtId?: string;
  status?: LedgerEntry['status'];
}

/** The entries' path with the filter (and a page) as query parameters. */
export function entriesPath(month: string, filter: EntryFilter, page: { limit?: number; cursor?: string } = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...page })) if (value !== undefined && value !== '') query.set(key, String(value));
  const search = query.toString();
  return `/v1/zeroing/campaigns/${month}/entries${search ? `?${search}` : ''}`;
}

interface Props {
  month: string;
  units: Names<Unit>;
  /** The person may filter by unit / by district (a clerk reads only its unit, a coordinator its district). */
  byUnit: boolean;
  byDistrict: boolean;
  /** The person may certify entries (the supervision office). */
  mayCertify: boolean;
  /** Entries certified on this screen, as the ledger will show them once it has followed the ticket. */
  certified: ReadonlyMap<string, Pick<LedgerEntry, 'status' | 'clearedAt' | 'note'>>;
  onCertified(ticketId: string, change: Pick<LedgerEntry, 'status' | 'clearedAt' | 'note'>): void;
}

interface EntryPage {
  items: LedgerEntry[];
  cursor?: string;
}

/** The ledger table with its filters, its "more" button and its export. */
export function Entries({ month, units, byUnit, byDistrict, mayCertify, certified, onCertified }: Props) {
  const { t, lang } = useLang();
  const [filter, setFilter] = useState<EntryFilter>({});
  const first = useLoad(() => api<EntryPage>(entriesPath(month, filter, { limit: PAGE_SIZE })), [month, filter.unitId, filter.districtId, filter.status]);
  const [further, setFurther] = useState<{ pages: EntryPage[]; loading: boolean; error?: ApiError }>({ pages: [], loading: false });
  useEffect(() => setFurther({ pages: [], loading: false }), [first.data]);
  const [open, setOpen] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const pages = first.data ? [first.data, ...further.pages] : [];
  const cursor = pages.at(-1)?.cursor;
  const entries = pages.flatMap((p) => p.items).map((e) => {
    const change = e.status === 'open' ? certified.get(e.ticketId) : undefined;
    return change ? { ...e, ...change } : e;
  });

  const more = async () => {
    if (!cursor) return;
    setFurther((f) => ({ ...f, loading: true, error: undefined }));
    try {
      const page = await api<EntryPage>(entriesPath(month, filter, { limit: PAGE_SIZE, cursor }));
      setFurther((f) => ({ pages: [...f.pages, page], loading: false }));
    } catch (error) {
      setFurther((f) => ({ ...f, loading: false, error: error instanceof ApiError ? error : undefined }));
    }
  };

  const handlers = units.list.filter((u) => u.type !== 'supervision').sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang === 'zh' ? 'zh-CN' : 'en'));
  const districts = units.list.filter((u) => u.type === 'district');
  const set = (change: EntryFilter) => setFilter((f) => ({ ...f, ...change }));

  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title">{t(text.title)}</h2>
      <form class="row toolbar" onSubmit={(e) => e.preventDefault()}>
        {byUnit && (
          <div>
            <label for="entries-unit">{t(text.unit)}</label>
            <select id="entries-unit" value={filter.unitId ?? ''} onChange={(e) => set({ unitId: e.currentTarget.value || undefined })}>
              <option value="">{t(text.all)}</option>
              {handlers.map((u) => <option key={u.id} value={u.id}>{u.name[lang]}</option>)}
            </select>
          </div>
        )}
        {byDistrict && (
          <div>
            <label for="entries-district">{t(text.district)}</label>
            <select id="entries-district" value={filter.districtId ?? ''} onChange={(e) => set({ districtId: e.currentTarget.value || undefined })}>
              <option value="">{t(text.all)}</option>
              {districts.map((u) => <option key={u.id} value={u.id}>{u.name[lang]}</option>)}
            </select>
          </div>
        )}
        <div>
          <label for="entries-status">{t(text.status)}</label>
          <select id="entries-status" value={filter.status ?? ''} onChange={(e) => set({ status: (e.currentTarget.value || undefined) as EntryFilter['status'] })}>
            <option value="">{t(text.all)}</option>
            {(Object.keys(statusNames) as LedgerEntry['status'][]).map((s) => <option key={s} value={s}>{t(statusNames[s])}</option>)}
          </select>
        </div>
        <DownloadButton path={entriesPath(month, filter)} filename={`zeroing-${month}.csv`} label={text.export} />
      </form>
      {notice && <p class="notice" role="status">{notice}</p>}
      <LoadStatus loading={first.loading && !first.data} error={first.error} />
      {first.data && entries.length === 0 && <p class="muted">{t(text.none)}</p>}
      {entries.length > 0 && (
        <div class="table-wrap">
          <table class="entries">
            <thead>
              <tr>
                <th scope="col">{t(text.ticket)}</th>
                <th scope="col">{t(text.unit)}</th>
                <th scope="col">{t(text.district)}</th>
                <th scope="col">{t(text.reason)}</th>
                <th scope="col">{t(text.status)}</th>
                <th scope="col">{t(text.entered)}</th>
                <th scope="col">{t(text.clearedAt)}</th>
                <th scope="col">{t(text.note)}</th>
                {mayCertify && <th scope="col">{t(text.action)}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <EntryRows
                  key={entry.ticketId}
                  entry={entry}
                  units={units}
                  mayCertify={mayCertify}
                  formOpen={open === entry.ticketId}
                  onOpen={() => {
                    setNotice(undefined);
                    setOpen(entry.ticketId);
                  }}
                  onClose={() => setOpen(undefined)}
                  onCertified={(change) => {
                    setOpen(undefined);
                    setNotice(fill(t(text.certified), { id: entry.ticketId }));
                    onCertified(entry.ticketId, change);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="row paging">
        {entries.length > 0 && <span class="muted">{fill(t(text.shown), { count: entries.length })}</span>}
        {cursor && (
          <button type="button" onClick={() => void more()} disabled={further.loading}>
            {t(text.more)}
          </button>
        )}
        <LoadStatus loading={further.loading} error={further.error} />
      </div>
    </section>
  );
}

/** One entry's row, and under it the certification form when open. */
function EntryRows({ entry, units, mayCertify, formOpen, onOpen, onClose, onCertified }: {
  entry: LedgerEntry;
  units: Names<Unit>;
  mayCertify: boolean;
  formOpen: boolean;
  onOpen(): void;
  onClose(): void;
  onCertified(change: Pick<LedgerEntry, 'status' | 'clearedAt' | 'note'>): void;
}) {
  const { t, lang } = useLang();
  const columns = mayCertify ? 9 : 8;
  return (
    <>
      <tr data-ticket={entry.ticketId} data-status={entry.status}>
        <th scope="row"><a href={`/tickets/${entry.ticketId}`}>{entry.ticketId}</a></th>
        <td>{units.name(entry.unitId)}</td>
        <td>{units.name(entry.districtId)}</td>
        <td>
          {t(reasonNames[entry.reason])}
          {entry.carriedFrom && <small class="muted block">{fill(t(text.carried), { month: entry.carriedFrom })}</small>}
        </td>
        <td class={entry.status === 'open' ? 'red' : 'green'}>{t(statusNames[entry.status])}</td>
        <td class="time">{formatTime(entry.enteredAt, lang)}</td>
        <td class="time">{formatTime(entry.clearedAt, lang)}</td>
        <td class="note">{entry.note ?? ''}</td>
        {mayCertify && (
          <td>
            {entry.status === 'open' && !formOpen && (
              <button type="button" onClick={onOpen}>{t(text.certify)}</button>
            )}
          </td>
        )}
      </tr>
      {formOpen && (
        <tr class="form-row">
          <td colSpan={columns}>
            <CertifyForm ticketId={entry.ticketId} onCancel={onClose} onCertified={onCertified} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The reason and the button: the API's word on the reason shows beside it. */
function CertifyForm({ ticketId, onCancel, onCertified }: { ticketId: string; onCancel(): void; onCertified(change: Pick<LedgerEntry, 'status' | 'clearedAt' | 'note'>): void }) {
  const { t } = useLang();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const field = useRef<HTMLTextAreaElement>(null);
  // Opening the form and a refusal both put the cursor in the reason, where the API's message is read out with it.
  useEffect(() => field.current?.focus(), [failure]);
  const id = `certify-${ticketId}`;
  const reasonError = failure?.forField('reason');

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const ticket = await api<Ticket>(`/v1/tickets/${ticketId}/actions`, { method: 'POST', body: { type: 'certify-zeroing', reason } });
      // The ledger follows the ticket's events a moment later; until then the row shows what the ticket now says.
      onCertified({ status: 'explained', clearedAt: ticket.zeroing?.at ?? serverNow().toISOString(), note: reason.trim() });
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'NetworkError', String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="certify" onSubmit={(e) => void submit(e)}>
      <Field id={id} label={t(text.certifyReason)} hint={t(text.certifyHint)} error={reasonError}>
        {(described) => <textarea {...described} ref={field} name="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      {failure && !reasonError && <p class="error" role="alert">{failure.message}</p>}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>{busy ? t(text.sending) : t(text.confirm)}</button>
        <button type="button" onClick={onCancel}>{t(text.cancel)}</button>
      </div>
    </form>
  );
}
