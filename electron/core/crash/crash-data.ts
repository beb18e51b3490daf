/** What the crash child imports: batches whose emails carry their batch tag, so the check can count each. */
export const IMPORT_ROWS = 40;
export const CRASH_AGENCY = 'River City Outreach';

const letters = (n: number) => {
  let out = '';
  for (let v = n; ; v = Math.floor(v / 26) - 1) {
    out = String.fromCharCode(97 + (v % 26)) + out;
    if (v < 26) break;
  }
  return out;
};

export const batchTag = (cycle: number, batch: number) => `c${cycle}b${batch}`;

export function importBatchCsv(cycle: number, batch: number): Uint8Array {
  const rows = ['First name,Last name,Email,Agency,Access level'];
  for (let i = 0; i < IMPORT_ROWS; i += 1) {
    rows.push(`Dana,Crash${letters(cycle * 10_000 + batch * 100 + i)},${batchTag(cycle, batch)}r${i}@crash.example.org,${CRASH_AGENCY},Read Only`);
  }
  return new TextEncoder().encode(`${rows.join('\r\n')}\r\n`);
}
