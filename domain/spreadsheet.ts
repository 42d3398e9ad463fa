// Tables as CSV for Excel: UTF-8 with a byte-order mark (so Excel opens the Chinese right), every cell quoted.

/** The rows (header first) as CSV text: quotes doubled, CRLF line ends, a BOM before it all. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`;
}
