/** A cell of a figure's table. */
export type Cell = string | number | null;

const quote = (cell: Cell): string => {
  const text = cell === null ? '' : String(cell);
  // Quote what CSV needs quoted, and what a spreadsheet would run as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof cell === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * A table as CSV: UTF-8 with a byte order mark, because Excel reads a CSV without one in the system's legacy
 * encoding and shows Korean as mojibake; CRLF line ends, as RFC 4180 says.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Hands the browser a CSV file to save. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
