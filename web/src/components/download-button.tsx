// A button that saves a CSV export, busy while it downloads and showing the API's words when it refuses.
import { useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { downloadCsv } from '../download.js';
import { type Text, useLang } from '../i18n.js';

const busyText = { zh: '正在导出…', en: 'Exporting…' };

/** Downloads `path` as CSV, saved as `filename` unless the API names it. */
export function DownloadButton({ path, filename, label }: { path: string; filename: string; label: Text }) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const download = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await downloadCsv(path, filename);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="download">
      <button type="button" onClick={() => void download()} disabled={busy} aria-busy={busy}>
        {busy ? t(busyText) : t(label)}
      </button>
      {failure && <span class="field-error" role="alert">{failure}</span>}
    </span>
  );
}
