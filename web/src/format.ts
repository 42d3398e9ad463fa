// Times as people here read them: Beijing time, and spans in days and hours.
import type { Language } from './i18n.js';

const dateTime = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
};

/** An ISO time in Beijing time, e.g. "2026/11/26 11:00". */
export function formatTime(iso: string | undefined, lang: Language): string {
  if (!iso) return '—';
  return dateTime[lang].format(new Date(iso));
}

/** A span as days, hours and minutes ("2天3小时", "2d 3h"); the two largest parts. */
export function formatSpan(ms: number, lang: Language): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const parts: [number, string, string][] = [
    [Math.floor(minutes / 1440), '天', 'd'],
    [Math.floor((minutes % 1440) / 60), '小时', 'h'],
    [minutes % 60, '分钟', 'm'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) return lang === 'zh' ? '不到1分钟' : '<1m';
  return shown.map(([n, zh, en]) => (lang === 'zh' ? `${n}${zh}` : `${n}${en}`)).join(lang === 'zh' ? '' : ' ');
}

/** A `YYYY-MM` month as people say it: "2026年11月", "Nov 2026". */
export function formatMonth(month: string, lang: Language): string {
  const [year, index] = month.split('-').map(Number);
  if (year === undefined || index === undefined) return month;
  if (lang === 'zh') return `${year}年${index}月`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, index - 1, 1)));
}

/** A share (0–1) as a percentage with one decimal, or a dash when there is nothing under it. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
