// Spreadsheet downloads: the API answers CSV to `Accept: text/csv` with the person's token, which a plain link
// cannot send, so the file is fetched and handed to the browser to save.
import { send } from './api.js';

/** Fetches `path` as CSV and saves it under the name the API gives (or `fallbackName`). */
export async function downloadCsv(path: string, fallbackName: string): Promise<void> {
  const response = await send(path, { headers: { accept: 'text/csv' } });
  const blob = await response.blob();
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = named ?? fallbackName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task ends; the blob can go after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
