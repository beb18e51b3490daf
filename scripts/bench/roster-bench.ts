import BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/create-core';
import { median, percentile, timeAsync, timeSync, type BenchRow } from './bench-types';
import { addStageFacts } from './stage-facts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROSTER_ROUNDS ?? 7);
const NOW = '2026-11-28T15:00:00.000Z';
const HEADER = ['Username', 'First Name', 'Last Name', 'Email', 'Agency', 'Role', 'Status', 'Last Login'];

const LOAD = `SELECT p.id, p.first_name, p.last_name, p.email, a.name AS agency, l.name AS level, p.stage,
  (SELECT c.username FROM credentials c WHERE c.person_id = p.id ORDER BY c.issued_at DESC, c.id DESC LIMIT 1) AS username
  FROM people p JOIN agencies a ON a.id = p.agency_id JOIN access_levels l ON l.id = p.access_level_id ORDER BY p.id`;

interface RawPerson { id: number; first_name: string; last_name: string; email: string; agency: string; level: string; stage: string; username: string | null }

/**
 * A vendor export of `ROWS` accounts for the seeded office: every credentialed person's account
 * (one in 20 at another agency, one in 50 closed), then accounts nobody here holds, to fill it up.
 */
function rosterCsv(people: readonly RawPerson[]): Uint8Array {
  const rows: string[][] = [];
  for (const p of people) {
    if (!p.username || rows.length >= ROWS) continue;
    const n = rows.length;
    rows.push([p.username, p.first_name, p.last_name, p.email, n % 20 === 0 ? 'Elsewhere Agency' : p.agency, p.level, n % 50 === 1 ? 'Inactive' : 'Active', '2026-11-01']);
  }
  for (let i = 0; rows.length < ROWS; i += 1) rows.push([`former.user${i}`, 'Former', `User ${i}`, `former${i}@example.org`, 'Elsewhere Agency', 'Read Only', 'Active', '2025-06-01']);
  return new TextEncoder().encode(Papa.unparse({ fields: HEADER, data: rows }));
}

/** The raw engine: one prepared statement, Papa Parse, and Map joins by user name then email; no lines written. */
function rawCheck(sqlite: BetterSqlite3.Database, bytes: Uint8Array): number {
  const people = sqlite.prepare(LOAD).all() as RawPerson[];
  const byUser = new Map<string, RawPerson>();
  const byEmail = new Map<string, RawPerson>();
  for (const p of people) {
    if (p.username) byUser.set(p.username.toLowerCase(), p);
    byEmail.set(p.email.toLowerCase(), p);
  }
  const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes)).data.slice(1);
  const claimed = new Set<number>();
  let findings = 0;
  for (const r of rows) {
    const p = byUser.get((r[0] ?? '').toLowerCase()) ?? byEmail.get((r[3] ?? '').toLowerCase());
    if (p) claimed.add(p.id);
    if (!p || p.stage !== 'active' || p.agency !== r[4]) findings += 1;
  }
  for (const p of people) if (p.stage === 'active' && !claimed.has(p.id)) findings += 1;
  return findings;
}

export async function benchRoster(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-roster-'));
  const file = path.join(dataDir, 'hmis.sqlite');
  try {
    let core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
    await core.handlers['demo.seed']({ people: PEOPLE });
    await core.close();
    await addStageFacts(file, NOW);
    core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
    const sqlite = new BetterSqlite3(file, { readonly: true });
    const bytes = rosterCsv(sqlite.prepare(LOAD).all() as RawPerson[]);
    const ours: number[] = [];
    const raw: number[] = [];
    let lines = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      ours.push(await timeAsync(async () => {
        lines = (await core.handlers['roster.check']({ fileName: 'users.csv', bytes })).lines.length;
      }));
      raw.push(timeSync(() => rawCheck(sqlite, bytes)));
    }
    sqlite.close();
    await core.close();
    const medianMs = median(ours);
    const baselineMs = median(raw);
    return [
      {
        name: `roster.check ${ROWS.toLocaleString('en-US')} accounts against ${PEOPLE.toLocaleString('en-US')} people`,
        medianMs,
        p95Ms: percentile(ours, 95),
        baselineMs,
        ratio: medianMs / baselineMs,
        goal: '≤ 1 s',
        note: `${lines.toLocaleString('en-US')} findings; raw = one better-sqlite3 statement + Papa Parse + Map joins`,
      },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
