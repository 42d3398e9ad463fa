// 我的诉求: a citizen looks up a request by its number and the last four digits of their phone, without signing in.
import { useState } from 'preact/hooks';
import type { Text } from '../../../domain/errors.js';
import { ApiError, api } from '../api.js';
import { formatTime } from '../format.js';
import { useLang } from '../i18n.js';

interface Progress {
  ticketId: string;
  status: string;
  statusName: Text;
  unit?: { id: string; name: Text };
  reply?: string;
  updatedAt: string;
}

const text = {
  title: { zh: '我的诉求', en: 'My request' },
  intro: { zh: '输入工单号和来电手机号后四位，查看办理进度。', en: 'Enter the request number and the last four digits of your phone to see its progress.' },
  ticket: { zh: '工单号', en: 'Request number' },
  phone: { zh: '手机号后四位', en: 'Last four digits of your phone' },
  look: { zh: '查询', en: 'Look up' },
  status: { zh: '办理状态', en: 'Status' },
  unit: { zh: '承办单位', en: 'Handled by' },
  reply: { zh: '答复', en: 'Reply' },
  updated: { zh: '更新时间', en: 'Updated' },
};

/** The citizen's lookup. */
export function Progress() {
  const { t, lang } = useLang();
  const [ticketId, setTicketId] = useState('');
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState<Progress>();
  const [failure, setFailure] = useState<ApiError>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setFound(undefined);
    setFailure(undefined);
    try {
      setFound(await api<Progress>(`/v1/progress/${encodeURIComponent(ticketId.trim())}?phone=${encodeURIComponent(phone.trim())}`));
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
    }
  };
  return (
    <section class="progress">
      <h1>{t(text.title)}</h1>
      <p class="muted">{t(text.intro)}</p>
      <form class="card" onSubmit={(e) => void submit(e)} noValidate>
        <label for="progress-ticket">{t(text.ticket)}</label>
        <input id="progress-ticket" name="ticket" value={ticketId} onInput={(e) => setTicketId(e.currentTarget.value)} autoComplete="off" />
        <label for="progress-phone">{t(text.phone)}</label>
        <input id="progress-phone" name="phone" inputMode="numeric" maxLength={4} value={phone} onInput={(e) => setPhone(e.currentTarget.value)} autoComplete="off" />
        {failure?.forField('phone') && <span class="field-error" role="alert">{failure.forField('phone')}</span>}
        <div class="row"><button type="submit" class="primary">{t(text.look)}</button></div>
      </form>
      {failure && !failure.forField('phone') && <p class="error" role="alert">{failure.message}</p>}
      {found && (
        <div class="card" data-testid="progress">
          <dl class="facts">
            <dt>{t(text.ticket)}</dt><dd>{found.ticketId}</dd>
            <dt>{t(text.status)}</dt><dd>{t(found.statusName)}</dd>
            {found.unit && <><dt>{t(text.unit)}</dt><dd>{t(found.unit.name)}</dd></>}
            {found.reply && <><dt>{t(text.reply)}</dt><dd>{found.reply}</dd></>}
            <dt>{t(text.updated)}</dt><dd>{formatTime(found.updatedAt, lang)}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
