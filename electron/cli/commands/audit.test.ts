import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core/create-core';
import { basics } from '../../core/test-support/temp-core';
import { runCli } from '../run-cli';

/** `hmis-desk audit verify` and `audit export`, in-process, on a real data folder. */
let dataDir: string;

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-audit-'));
  const core = await createCore({ dataDir, operator: 'cli.test' });
  const { agency, level } = await basics(core);
  await core.handlers['people.create']({ firstName: 'Amara', lastName: 'Nwosu', email: 'anwosu@rivercity.example.org', agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user', notes: '=HYPERLINK("x")' });
  await core.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('hmis-desk audit', () => {
  it('exports the filtered trail as CSV with sentences, formulas neutralised', async () => {
    const out = path.join(dataDir, 'audit.csv');
    const result = await run('audit', 'export', '--entity', 'person', '--out', out, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: out, rows: 1 });
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('Row,When (UTC),Operator,Action,Entity,Entity id,What happened,Note,Before,After');
    expect(csv).toContain('cli.test,person.registered,person,1');
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const refused = await run('audit', 'export', '--from', '2026-12-31', '--to', '2026-01-01', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('The first day must not be after the last day.');
  });

  it('says the trail is intact, then names the row changed behind its back (exit 1)', async () => {
    expect(await run('audit', 'verify')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^The audit trail is intact: \d+ rows/) });
    const raw = new BetterSqlite3(path.join(dataDir, 'hmis.sqlite'));
    raw.exec(`DROP TRIGGER audit_no_update; UPDATE audit SET operator = 'someone else' WHERE action = 'person.registered'`);
    const id = (raw.prepare(`SELECT id FROM audit WHERE action = 'person.registered'`).get() as { id: number }).id;
    raw.close();
    const human = await run('audit', 'verify');
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(new RegExp(`^The audit trail was altered at row ${id} \\(“person\\.registered” on person #1, .* by someone else\\): its contents no longer match`));
    const json = await run('audit', 'verify', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, broken: { id, reason: 'changed' } });
  });
});
