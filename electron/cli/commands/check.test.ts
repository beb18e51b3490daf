import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core/create-core';
import { arrangePerson, form } from '../../core/documents/test-support/document-fixtures';
import { runCli } from '../run-cli';

/** `hmis-desk check` over SQLite and the file store, after what a crash leaves behind. */
let dataDir: string;
let storedFile: string;

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr };
}

const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-check-'));
  const core = await createCore({ dataDir, operator: 'cli.test' });
  const person = await arrangePerson(core);
  await core.handlers['documents.attach']({ personId: person.id, fileName: 'agreement.pdf', bytes: await form(person, { kind: 'end_user_agreement' }) });
  const [doc] = await core.handlers['documents.list']({ personId: person.id });
  storedFile = core.files.pathOf(doc!.sha256);
  await core.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function leaveCrashDebris() {
  const files = path.join(dataDir, 'files');
  mkdirSync(path.join(files, 'tmp'), { recursive: true });
  mkdirSync(path.join(files, 'ab'), { recursive: true });
  const oldOrphan = path.join(files, 'ab', 'ab'.padEnd(64, '1'));
  const youngOrphan = path.join(files, 'ab', 'ab'.padEnd(64, '2'));
  const oldPart = path.join(files, 'tmp', `${'cd'.padEnd(64, '3')}.aaaaaa.part`);
  for (const file of [oldOrphan, youngOrphan, oldPart]) writeFileSync(file, 'half a file');
  for (const file of [oldOrphan, oldPart]) utimesSync(file, twoHoursAgo, twoHoursAgo);
  return { oldOrphan, youngOrphan, oldPart };
}

describe('hmis-desk check', () => {
  it('says ok and how many files it checked when the database and the store agree', async () => {
    const result = await run('check');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('ok\nFile store: 1 file named by records checked against their hashes.\n');
  });

  it('counts orphans and unfinished temp files, and --repair removes only the old ones', async () => {
    const debris = leaveCrashDebris();
    const found = await run('check', '--json');
    expect(JSON.parse(found.stdout)).toMatchObject({ ok: true, files: { checked: 1, orphans: 2, leftovers: 1, removed: 0 } });
    const human = await run('check');
    expect(human.stdout).toContain('Left over after a crash: 2 stored files that no record names and 1 unfinished temp file (files/tmp/*.part).');
    expect(human.stdout).toContain('Run "check --repair" to remove those older than an hour.');

    const repaired = await run('check', '--repair');
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain('Removed 2 leftover files older than an hour; younger ones are kept');
    expect([existsSync(debris.oldOrphan), existsSync(debris.oldPart), existsSync(debris.youngOrphan), existsSync(storedFile)]).toEqual([false, false, true, true]);
    rmSync(debris.youngOrphan);
  });

  it('names the record whose file is missing or changed, and exits 1', async () => {
    writeFileSync(storedFile, 'not the signed form any more');
    const changed = await run('check');
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^Problems found:\n {2}- The file of document 1 \(agreement\.pdf\) was changed on disk: its bytes no longer match their hash/);
    rmSync(storedFile);
    const missing = await run('check', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^The file of document 1 \(agreement\.pdf\) is missing from the file store/)] });
    expect(readdirSync(path.dirname(storedFile))).toEqual([]);
  });
});
