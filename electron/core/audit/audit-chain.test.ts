import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

/** Registers `count` people; returns the audit row ids of their registrations, in order. */
async function register(count: number): Promise<number[]> {
  const { agency, level } = await basics(t.core);
  const people = [];
  for (let i = 0; i < count; i += 1) {
    people.push(await t.core.handlers['people.create']({ firstName: 'Ngozi', lastName: `Okafor${String.fromCharCode(97 + i)}`, email: `ngozi${i}@rivercity.example.org`, agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' }));
  }
  const raw = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'), { readonly: true });
  const ids = people.map((p) => (raw.prepare(`SELECT id FROM audit WHERE entity = 'person' AND entity_id = ? AND action = 'person.registered'`).get(p.id) as { id: number }).id);
  raw.close();
  return ids;
}

/** A raw connection with the append-only triggers dropped: what someone with the file and a SQLite tool could do. */
function tamper(dataDir: string, sql: string) {
  const raw = new BetterSqlite3(path.join(dataDir, 'hmis.sqlite'));
  raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  raw.exec(sql);
  raw.close();
}

describe('the tamper-evident audit trail', () => {
  it('verifies an untouched trail', async () => {
    const ids = await register(3);
    const result = await t.core.handlers['audit.verify']({});
    expect(result).toMatchObject({ ok: true, rows: ids.at(-1), broken: null });
    expect(result.message).toMatch(/^The audit trail is intact: \d+ rows, each chained to the one before it\. The newest row's hash is [0-9a-f]{16}…$/);
  });

  it('refuses to change or remove a row through the app\'s own connection', async () => {
    await register(1);
    const sqlite = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'));
    expect(() => sqlite.prepare(`UPDATE audit SET operator = 'someone else'`).run()).toThrow('append-only');
    expect(() => sqlite.prepare('DELETE FROM audit').run()).toThrow('append-only');
    sqlite.close();
  });

  it('names the row whose contents were changed behind its back', async () => {
    const [, second] = await register(3);
    tamper(t.dataDir, `UPDATE audit SET after = json_set(after, '$.email', 'someone@else.example.org') WHERE id = ${second}`);
    const result = await t.core.handlers['audit.verify']({});
    expect(result).toMatchObject({ ok: false, rows: second! - 1, broken: { id: second, action: 'person.registered', entity: 'person', entityId: 2, reason: 'changed' } });
    expect(result.message).toMatch(new RegExp(`^The audit trail was altered at row ${second} \\(“person\\.registered” on person #2, 2026-11-28 15:00:00 UTC, by test\\.operator\\): its contents no longer match the hash written with it\\.`));
  });

  it('names the row after one that was removed, and after one rewritten with a fresh hash', async () => {
    const [first, second] = await register(3);
    tamper(t.dataDir, `DELETE FROM audit WHERE id = ${first}`);
    expect(await t.core.handlers['audit.verify']({})).toMatchObject({ ok: false, broken: { id: second, reason: 'unlinked' } });
    // Rewritten and re-hashed with the same formula: the next row's link still gives it away.
    const { rowHash } = await import('./audit-chain');
    const raw = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'));
    const row = raw.prepare('SELECT * FROM audit WHERE id = ?').get(second) as Parameters<typeof rowHash>[1] & { prev_hash: string };
    const forged = { ...row, operator: 'nobody' };
    raw.prepare('UPDATE audit SET operator = ?, hash = ? WHERE id = ?').run('nobody', rowHash(row.prev_hash, forged), second);
    raw.close();
    expect(await t.core.handlers['audit.verify']({})).toMatchObject({ ok: false, broken: { id: second, reason: 'unlinked' } });
  });

  it('keeps the chain across bulk writes (a demo seed) and merges, which no longer rewrite history', async () => {
    const { agency, level } = await basics(t.core);
    await t.core.handlers['demo.seed']({ people: 120 });
    const person = { firstName: 'Tomás', lastName: 'Reyes', agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' as const };
    const survivor = await t.core.handlers['people.create']({ ...person, email: 'treyes@rivercity.example.org' });
    const merged = await t.core.handlers['people.create']({ ...person, email: 'tomas.reyes@home.example.com' });
    await t.core.handlers['people.update']({ id: merged.id, expectedUpdatedAt: merged.updatedAt, changes: { phone: '(916) 555-0199' } });
    await t.core.handlers['people.merge']({ survivorId: survivor.id, mergedId: merged.id });
    const history = await t.core.handlers['people.history']({ id: survivor.id });
    expect(history.map((h) => h.action)).toEqual(['person.merged', 'person.updated', 'person.updated', 'person.registered', 'person.registered']);
    const result = await t.core.handlers['audit.verify']({});
    expect(result.ok).toBe(true);
    expect(result.rows).toBeGreaterThan(120);
  }, 90_000);
});
