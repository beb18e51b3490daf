import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../create-core';
import { arrangePerson, form } from '../documents/test-support/document-fixtures';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const peopleTotal = async () => (await t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 1 } as never)).total;

async function arrange() {
  const person = await arrangePerson(t.core);
  await t.core.handlers['documents.attach']({ personId: person.id, fileName: 'agreement.pdf', bytes: await form(person, { kind: 'end_user_agreement' }) });
  return person;
}

describe('backups', () => {
  it('backs up the database and the file store, and a restore brings both back with the current data kept aside', async () => {
    const person = await arrange();
    const file = path.join(t.dataDir, 'out', 'office.hmisbak');
    const made = await t.core.handlers['backups.create']({ file });
    expect(made).toMatchObject({ file, people: 1, files: 1, encrypted: false, message: `Backed up 1 person and 1 file to ${file}.` });

    const { agency, level } = await basics(t.core).catch(async () => ({ agency: (await t.core.handlers['agencies.list']({}))[0]!, level: (await t.core.handlers['accessLevels.list']({}))[0]! }));
    await t.core.handlers['people.create']({ firstName: 'Later', lastName: 'Person', email: 'later@rivercity.example.org', agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' });
    expect(await peopleTotal()).toBe(2);

    const checked = await t.core.handlers['backups.verify']({ file });
    expect(checked.message).toMatch(/is complete and sound: 1 person and 1 file, every file matching its hash\.$/);
    const restored = await t.core.handlers['backups.restore']({ file });
    expect(restored.message).toContain('Restored the backup of 2026-11-28 15:00:00 UTC: 1 person and 1 file. The data it replaced is kept in ');
    expect(await peopleTotal()).toBe(1);
    const [doc] = await t.core.handlers['documents.list']({ personId: person.id });
    expect((await t.core.handlers['documents.file']({ id: doc!.id })).bytes.byteLength).toBeGreaterThan(0);
    expect(readdirSync(restored.keptAt).sort()).toEqual(expect.arrayContaining(['files', 'hmis.sqlite']));
    const history = await t.core.handlers['audit.list']({ filters: { action: 'backup.restored' }, offset: 0, limit: 10 });
    expect(history.items[0]).toMatchObject({ operator: 'test.operator', after: { file, keptAt: restored.keptAt } });
    expect((await t.core.handlers['audit.verify']({})).ok).toBe(true);
    expect(t.core.checkIntegrity()).toEqual({ ok: true, problems: [] });
  });

  it('holds calls made during a restore and answers them from the restored data', async () => {
    await arrange();
    const file = path.join(t.dataDir, 'office.hmisbak');
    await t.core.handlers['backups.create']({ file });
    await arrangePerson(t.core, { firstName: 'Second', lastName: 'Person', email: 'second@delta.example.org' });
    const restoring = t.core.handlers['backups.restore']({ file });
    // Asked while the backup is being unpacked and checked: answered either before the swap or after it, never from a closed database.
    const during = await Promise.all([peopleTotal(), restoring.then(() => peopleTotal())]);
    expect(during[1]).toBe(1);
    expect([1, 2]).toContain(during[0]);
  });

  it('encrypts with a passphrase, and says so plainly when it is missing or wrong', async () => {
    await arrange();
    const file = path.join(t.dataDir, 'secret.hmisbak');
    await t.core.handlers['backups.create']({ file, passphrase: 'correct horse battery' });
    expect(readFileSync(file).includes(Buffer.from('SQLite format 3'))).toBe(false);
    await expect(t.core.handlers['backups.verify']({ file })).rejects.toThrow('This backup is encrypted: give its passphrase.');
    await expect(t.core.handlers['backups.restore']({ file, passphrase: 'Correct horse battery' })).rejects.toThrow('That passphrase does not open this backup. Check it (letter case counts) and try again.');
    expect(await t.core.handlers['backups.verify']({ file, passphrase: 'correct horse battery' })).toMatchObject({ encrypted: true, people: 1 });
  });

  it('refuses a damaged or foreign file before changing anything', async () => {
    await arrange();
    const file = path.join(t.dataDir, 'office.hmisbak');
    await t.core.handlers['backups.create']({ file });
    const bytes = readFileSync(file);
    const offset = bytes.indexOf(Buffer.from('SQLite format 3')) + 4000;
    bytes[offset] = bytes[offset]! ^ 0xff;
    writeFileSync(file, bytes);
    await expect(t.core.handlers['backups.restore']({ file })).rejects.toThrow(/^office\.hmisbak cannot be restored: its database does not match the hash in its manifest\. Nothing was changed\.$/);
    writeFileSync(file, 'name,email\n');
    await expect(t.core.handlers['backups.restore']({ file })).rejects.toThrow('office.hmisbak is not an HMIS Access Desk backup');
    writeFileSync(file, bytes.subarray(0, 5000));
    await expect(t.core.handlers['backups.restore']({ file })).rejects.toThrow('office.hmisbak is damaged or incomplete');
    expect(await peopleTotal()).toBe(1);
    expect(readdirSync(t.dataDir).filter((name) => name.startsWith('before-restore') || name.startsWith('.restore'))).toEqual([]);
  });

  it('automatic backups go into the chosen folder and keep the last N', async () => {
    await arrange();
    const folder = path.join(t.dataDir, 'network-drive');
    expect(await t.core.handlers['backups.saveSettings']({ folder, keep: 2, automatic: true, passphrase: 'saved office passphrase' })).toEqual({ folder, keep: 2, automatic: true, encrypted: true });
    expect(readFileSync(path.join(t.dataDir, 'backup-settings.json'), 'utf8')).not.toContain('saved office passphrase');
    await t.core.close();
    let when = Date.parse('2026-11-28T15:00:00Z');
    for (let day = 0; day < 3; day += 1) {
      const clock = { now: () => new Date(when), today: () => new Date(when).toISOString().slice(0, 10) };
      const core = await createCore({ dataDir: t.dataDir, operator: 'test.operator', clock: clock as never, backups: { automatic: true, firstAfterMs: 1, everyMs: 60_000 } });
      await expect.poll(async () => (await core.handlers['backups.status']({})).lastBackup?.createdAt, { timeout: 20_000 }).toBe(new Date(when).toISOString());
      await core.close();
      when += 25 * 3_600_000;
    }
    const names = readdirSync(folder).sort();
    expect(names).toEqual(['hmis-backup-2026-11-29T16-00-00Z.hmisbak', 'hmis-backup-2026-11-30T17-00-00Z.hmisbak']);
    t.core = await createCore({ dataDir: t.dataDir, operator: 'test.operator' });
    const file = path.join(folder, names[1]!);
    await expect(t.core.handlers['backups.verify']({ file })).rejects.toThrow('This backup is encrypted');
    expect(await t.core.handlers['backups.verify']({ file, passphrase: 'saved office passphrase' })).toMatchObject({ encrypted: true, people: 1 });
  });
});

describe('a database that fails its integrity check at startup', () => {
  it('is moved aside, never deleted, and the app opens empty with the backup on offer', async () => {
    await arrange();
    const file = path.join(t.dataDir, 'backups', 'hmis-backup-2026-11-28T15-00-00Z.hmisbak');
    await t.core.handlers['backups.create']({ file });
    await t.core.close();
    const sqliteFile = path.join(t.dataDir, 'hmis.sqlite');
    const bytes = readFileSync(sqliteFile);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6); // pages of the tables written over
    writeFileSync(sqliteFile, bytes);

    t.core = await createCore({ dataDir: t.dataDir, operator: 'test.operator', backups: { checkAtStart: true } });
    const status = await t.core.handlers['backups.status']({});
    expect(status.recovery).toMatchObject({ movedTo: expect.stringContaining(path.join(t.dataDir, 'damaged-')), problems: expect.arrayContaining([expect.any(String)]) });
    expect(readFileSync(path.join(status.recovery!.movedTo, 'hmis.sqlite'))).toEqual(bytes);
    expect(status.backups.map((b) => b.file)).toEqual([file]);
    expect(await peopleTotal()).toBe(0);
    await t.core.handlers['backups.restore']({ file: status.backups[0]!.file });
    expect(await peopleTotal()).toBe(1);
    expect(existsSync(status.recovery!.movedTo)).toBe(true);
    const raw = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});
