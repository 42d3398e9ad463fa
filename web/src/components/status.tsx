// What a screen shows while it loads or when the API refused: the API's own words, in the chosen language.
import type { ApiError } from '../api.js';
import { useLang } from '../i18n.js';

const loadingText = { zh: '加载中…', en: 'Loading…' };

/** A loading line or an error box; nothing once loaded. */
export function LoadStatus({ loading, error }: { loading: boolean; error: ApiError | undefined }) {
  const { t } = useLang();
  if (error) return <p class="error" role="alert">{error.message}</p>;
  if (loading) return <p class="muted" aria-live="polite">{t(loadingText)}</p>;
  return null;
}
