import type { AppError } from '../../shared/app-error';

export interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

const MAX_CELL = 44;

function fit(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** A plain text table that reads well in a Windows console and pastes cleanly into an email. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => row.map(fit));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function printJson(out: Writable, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

const fieldLabel = (field: string) => {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[.-]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The sentence first (what the office worker reads). When that sentence speaks of the first field
 * only (as a form's validation does), the other fields' problems follow on their own lines.
 */
export function printError(err: Writable, error: AppError): void {
  const [first, ...others] = error.fields ?? [];
  const speaksOfFirstOnly = first !== undefined && error.message.endsWith(first.message);
  const more = speaksOfFirstOnly ? others.map((f) => `  - ${fieldLabel(f.field)}: ${f.message}`) : [];
  err.write(`${[error.message, ...more].join('\n')}\n`);
}

export function errorDocument(error: AppError): { error: { code: string; message: string; fields: { field: string; message: string }[] } } {
  return { error: { code: error.code, message: error.message, fields: error.fields ?? [] } };
}

/**
 * Progress of long jobs on stderr: redrawn in place on a console, and every tenth in a log file,
 * so a Task Scheduler log does not fill with hundreds of lines.
 */
export function createProgressReporter(err: Writable): (label: string, done: number, total: number) => void {
  let lastTenth = -1;
  return (label, done, total) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const text = `${label}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (${percent}%)`;
    if (err.isTTY) {
      err.write(`\r${text}${done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(percent / 10);
    if (tenth !== lastTenth || done >= total) err.write(`${text}\n`);
    lastTenth = tenth;
  };
}
