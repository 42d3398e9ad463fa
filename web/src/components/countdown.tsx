// A deadline as time left or time past, ticking every second by the server's clock.
import { useEffect, useState } from 'preact/hooks';
import { serverNow } from '../clock.js';
import { formatSpan, formatTime } from '../format.js';
import { useLang } from '../i18n.js';

const DUE_SOON_MS = 24 * 3600_000;
const text = {
  left: { zh: '剩余', en: 'left: ' },
  over: { zh: '超期', en: 'overdue by ' },
};

/** Now by the server's clock, re-rendered every `everyMs`. */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Green while far, amber within a day, red once past. */
export function Countdown({ deadline }: { deadline: string | undefined }) {
  const { t, lang } = useLang();
  const now = useNow();
  if (!deadline) return <span class="muted">—</span>;
  const left = Date.parse(deadline) - now.getTime();
  const tone = left < 0 ? 'red' : left < DUE_SOON_MS ? 'amber' : 'green';
  return (
    <span class={tone} title={formatTime(deadline, lang)} data-countdown={tone}>
      {left < 0 ? t(text.over) : t(text.left)}
      {formatSpan(left, lang)}
    </span>
  );
}
