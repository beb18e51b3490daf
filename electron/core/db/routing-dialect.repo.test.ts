import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoutingSqliteDialect, routeOf } from './routing-dialect.repo';
import { openSqlite, openSqliteReader } from './sqlite.repo';

interface Tables {
  notes: { id: number | null; body: string };
}

let dir = '';
let writer: BetterSqlite3.Database;
let reader: BetterSqlite3.Database;
let db: Kysely<Tables>;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hmis-routing-'));
  const file = path.join(dir, 'hmis.sqlite');
  writer = openSqlite(file);
  writer.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO notes (body) VALUES ('before')`);
  reader = openSqliteReader(file);
  db = new Kysely<Tables>({ dialect: new RoutingSqliteDialect({ writer, reader }) });
});
afterEach(async () => {
  if (writer.open) await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** A transaction that holds the write connection until `release()` is called. */
function heldTransaction() {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = () => {};
  const begun = new Promise<void>((resolve) => (started = resolve));
  const done = db.transaction().execute(async (trx) => {
    await trx.insertInto('notes').values({ body: 'inside' }).execute();
    started();
    await gate;
  });
  return { begun, release, done };
}

describe('routeOf: only a Kysely SELECT is a read', () => {
  it('sends SELECT and WITH … SELECT to the reader, INSERT … RETURNING, WITH … INSERT and raw SQL to the writer', () => {
    expect(routeOf(db.selectFrom('notes').selectAll().compile())).toBe('read');
    expect(routeOf(db.with('n', (q) => q.selectFrom('notes').select('body')).selectFrom('n').selectAll().compile())).toBe('read');
    expect(routeOf(db.insertInto('notes').values({ body: 'x' }).returning('id').compile())).toBe('write');
    expect(routeOf(db.with('n', (q) => q.selectFrom('notes').select('body')).insertInto('notes').columns(['body']).expression((eb) => eb.selectFrom('n').select('body')).compile())).toBe('write');
    expect(routeOf(db.updateTable('notes').set({ body: 'y' }).compile())).toBe('write');
    expect(routeOf(sql`SELECT 1`.compile(db))).toBe('write');
  });
});

describe('RoutingSqliteDialect', () => {
  it('the read connection refuses writes, so a write routed there could not slip past the lock', () => {
    expect(() => reader.prepare(`INSERT INTO notes (body) VALUES ('sneaky')`).run()).toThrow(/readonly/i);
  });

  it('writes that return rows still run on the writer', async () => {
    const [row] = await db.insertInto('notes').values({ body: 'returned' }).returning(['id', 'body']).execute();
    expect(row).toMatchObject({ body: 'returned' });
    const viaWith = await db
      .with('n', (q) => q.selectFrom('notes').select('body').where('body', '=', 'returned'))
      .insertInto('notes')
      .columns(['body'])
      .expression((eb) => eb.selectFrom('n').select(sql<string>`body || ' again'`.as('body')))
      .returning('body')
      .execute();
    expect(viaWith).toEqual([{ body: 'returned again' }]);
  });

  it('a read while a transaction holds the writer completes at once and sees the last commit', async () => {
    const order: string[] = [];
    const held = heldTransaction();
    await held.begun;
    const read = db.selectFrom('notes').select('body').orderBy('id').execute().then((rows) => (order.push('read'), rows));
    const joined = db.with('n', (q) => q.selectFrom('notes').select('body')).selectFrom('n').selectAll().execute().then((rows) => (order.push('with-read'), rows));
    expect(await read).toEqual([{ body: 'before' }]);
    expect(await joined).toEqual([{ body: 'before' }]);
    held.release();
    await held.done.then(() => order.push('transaction'));
    expect(order).toEqual(['read', 'with-read', 'transaction']);
  });

  it('a write while a transaction holds the writer waits for its commit, then succeeds', async () => {
    const order: string[] = [];
    const held = heldTransaction();
    await held.begun;
    const write = db.insertInto('notes').values({ body: 'after' }).execute().then(() => order.push('write'));
    const transaction = held.done.then(() => order.push('transaction'));
    // Give the write every chance to jump the queue before the transaction is let go.
    await new Promise((resolve) => setImmediate(resolve));
    held.release();
    await Promise.all([write, transaction]);
    expect(order).toEqual(['transaction', 'write']);
    expect((await db.selectFrom('notes').select('body').orderBy('id').execute()).map((r) => r.body)).toEqual(['before', 'inside', 'after']);
  });

  it('reads inside a transaction see its own writes; a rollback leaves nothing for the reader', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ body: 'doomed' }).execute();
        expect((await trx.selectFrom('notes').select('body').execute()).map((r) => r.body)).toContain('doomed');
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await db.selectFrom('notes').select('body').execute()).map((r) => r.body)).toEqual(['before']);
  });

  it('a commit is visible to the next read at once', async () => {
    await db.insertInto('notes').values({ body: 'committed' }).execute();
    expect((await db.selectFrom('notes').select('body').orderBy('id').execute()).map((r) => r.body)).toEqual(['before', 'committed']);
  });

  it('our own commits do not change the writer\'s data_version (the other-writers watch reads it there)', async () => {
    const version = writer.pragma('data_version', { simple: true });
    await db.insertInto('notes').values({ body: 'ours' }).execute();
    await db.selectFrom('notes').selectAll().execute();
    expect(writer.pragma('data_version', { simple: true })).toBe(version);
  });

  it('closing the database closes both connections', async () => {
    await db.selectFrom('notes').selectAll().execute();
    await db.destroy();
    expect([writer.open, reader.open]).toEqual([false, false]);
  });
});
