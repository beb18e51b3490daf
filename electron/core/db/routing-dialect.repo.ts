import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { createYielder, YIELD_BUDGET_MS } from './yield-budget';

export interface RoutingSqliteConfig {
  /** The one connection that writes; every transaction runs on it, one at a time. */
  writer: BetterSqlite3.Database;
  /** A read-only connection on the same file, or null (an in-memory database has no second connection). */
  reader: BetterSqlite3.Database | null;
  /** A transaction hands the event loop back before a statement once this much time has passed. */
  yieldEveryMs?: number;
}

export type Route = 'read' | 'write';

/**
 * Where a statement outside a transaction runs. Only a Kysely SELECT (with or without WITH) is
 * known to be a read; `INSERT … RETURNING` returns rows but writes, and raw SQL could be anything,
 * so both take the write connection.
 */
export function routeOf(query: CompiledQuery): Route {
  return SelectQueryNode.is(query.query) ? 'read' : 'write';
}

/**
 * Kysely's SQLite dialect with two connections on one WAL file. Kysely's own driver has one
 * connection behind a mutex, so a 10,000-row import held every `people.get` for a second. Here a
 * SELECT outside a transaction runs at once on the read-only connection (WAL gives every statement
 * the last committed state, our own commits included), and everything else queues for the write
 * connection as before. A transaction's reads stay on the write connection: they must see its
 * own writes. A transaction also yields to the event loop every `yieldEveryMs`, so the calls that
 * arrive meanwhile are served between its statements, not after its commit.
 */
export class RoutingSqliteDialect implements Dialect {
  constructor(private readonly config: RoutingSqliteConfig) {}
  createDriver(): Driver {
    return new RoutingSqliteDriver(this.config);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own Dialect signature
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}

/** Kysely 0.28's ConnectionMutex: one holder at a time, the others wait in turn. */
class Mutex {
  #promise: Promise<void> | undefined;
  #resolve: (() => void) | undefined;
  async lock(): Promise<void> {
    while (this.#promise) await this.#promise;
    this.#promise = new Promise((resolve) => (this.#resolve = resolve));
  }
  unlock(): void {
    const resolve = this.#resolve;
    this.#promise = undefined;
    this.#resolve = undefined;
    resolve?.();
  }
}

function run(db: BetterSqlite3.Database, compiled: CompiledQuery): QueryResult<unknown> {
  const stmt = db.prepare(compiled.sql);
  const parameters = compiled.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

class RoutingSqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  constructor(private readonly config: RoutingSqliteConfig) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    // No lock yet: a plain SELECT never needs it. The connection takes it at its first write.
    return new RoutedConnection(this.config, this.#mutex);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).end('commit');
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).end('rollback');
  }
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoted(name)}`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoted(name)}`));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).release();
  }
  async destroy(): Promise<void> {
    this.config.reader?.close();
    this.config.writer.close();
  }
}

class RoutedConnection implements DatabaseConnection {
  #holdsWriter = false;
  #pause: (() => Promise<void>) | null = null;
  constructor(
    private readonly config: RoutingSqliteConfig,
    private readonly mutex: Mutex,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { reader, writer } = this.config;
    if (reader && !this.#holdsWriter && routeOf(compiled) === 'read') return run(reader, compiled) as QueryResult<R>;
    await this.#takeWriter();
    if (this.#pause) await this.#pause();
    return run(writer, compiled) as QueryResult<R>;
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // A stream keeps its statement open across awaits, which would block the shared read
    // connection's other statements: it takes the write connection, as in Kysely's driver.
    if (!SelectQueryNode.is(compiled.query)) throw new Error('Sqlite driver only supports streaming of select queries');
    await this.#takeWriter();
    for (const row of this.config.writer.prepare(compiled.sql).iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }

  async begin(): Promise<void> {
    await this.#takeWriter();
    run(this.config.writer, CompiledQuery.raw('begin'));
    this.#pause = createYielder(this.config.yieldEveryMs ?? YIELD_BUDGET_MS);
  }

  end(word: 'commit' | 'rollback'): void {
    this.#pause = null;
    run(this.config.writer, CompiledQuery.raw(word));
  }

  release(): void {
    if (!this.#holdsWriter) return;
    this.#holdsWriter = false;
    this.mutex.unlock();
  }

  async #takeWriter(): Promise<void> {
    if (this.#holdsWriter) return;
    await this.mutex.lock();
    this.#holdsWriter = true;
  }
}
