import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import { CALL_NAMES, type CallName, type Handlers } from '../../../shared/contract';
import { ENTITY_KINDS } from '../../../shared/contract/events';
import { insertAudit } from '../audit/audit.repo';
import { systemClock } from '../clock';
import type { Core, CoreOptions, CoreParts } from '../create-core';
import { MIGRATIONS } from '../db/migrations';
import { ensurePrivateDir } from '../files/private-files';
import { createKeyFileSecretStore } from '../secrets/key-file-secret-store';
import { createBackupHandlers, type BackupCallName } from './backup-handlers';
import { createBackupService } from './backup-service';
import { moveAsideIfDamaged, type Recovery } from './startup-check';

const MOVED = ['hmis.sqlite', 'hmis.sqlite-wal', 'hmis.sqlite-shm', 'files'];
const stampOf = (at: Date) => at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

async function moveAll(fromDir: string, toDir: string, names: readonly string[]): Promise<void> {
  await fs.mkdir(toDir, { recursive: true, mode: 0o700 });
  for (const name of names) if (existsSync(path.join(fromDir, name))) await fs.rename(path.join(fromDir, name), path.join(toDir, name));
}

/**
 * The core as callers see it: each call goes to the current parts. A restore holds new calls at
 * a gate, waits for the ones in flight, closes the parts, moves the current data aside
 * (`before-restore-<time>/`), moves the verified copy in and opens it; if it does not open, the
 * data is put back as it was and opened again. Calls held at the gate then run on the restored data.
 */
export async function reopenableCore(options: CoreOptions, open: () => Promise<CoreParts>): Promise<Core> {
  const dataDir = path.resolve(options.dataDir);
  const clock = options.clock ?? systemClock();
  const longLived = options.mail?.autoStart === true;
  ensurePrivateDir(dataDir);
  const recovery: Recovery | null = (options.backups?.checkAtStart ?? longLived) ? moveAsideIfDamaged(dataDir, clock.now(), options.nativeBinding) : null;
  let parts = await open();
  let gate: Promise<void> = Promise.resolve();
  let busy = 0;

  const idle = async () => {
    while (busy > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  async function swap(stagingDir: string): Promise<string> {
    let release = () => {};
    gate = new Promise<void>((resolve) => (release = resolve));
    try {
      await idle();
      await parts.close();
      const stamp = stampOf(clock.now());
      const aside = path.join(dataDir, `before-restore-${stamp}`);
      await moveAll(dataDir, aside, MOVED);
      await moveAll(stagingDir, dataDir, ['hmis.sqlite', 'files']);
      try {
        parts = await open();
      } catch (error) {
        const failed = path.join(dataDir, `failed-restore-${stamp}`);
        await moveAll(dataDir, failed, MOVED);
        await moveAll(aside, dataDir, MOVED);
        parts = await open();
        throw new AppError('internal', `The restored database did not open (${error instanceof Error ? error.message : String(error)}), so your data was put back as it was. The restored copy is kept in ${failed}.`);
      }
      return aside;
    } finally {
      release();
      // Every open screen reads from the restored data now.
      options.emit?.('changed', { entities: [...ENTITY_KINDS] });
    }
  }

  const backups = createBackupService({
    dataDir,
    now: () => clock.now(),
    nativeBinding: options.nativeBinding,
    secretStore: options.secretStore ?? createKeyFileSecretStore(dataDir),
    keyFile: createKeyFileSecretStore(dataDir),
    newestSchema: Math.max(...MIGRATIONS.map((m) => m.version)),
    sqlite: () => parts.sqlite,
    swap,
    recovery: () => recovery,
    audit: async (action, after, note) => {
      await parts.db.transaction().execute((trx) => insertAudit(trx, { at: clock.now().toISOString(), operator: parts.operator, action, entity: 'setting', entityId: null, after, note }));
    },
  });
  const backupHandlers = createBackupHandlers(backups);

  const proxied = Object.fromEntries(
    CALL_NAMES.filter((name): name is Exclude<CallName, BackupCallName> => !(name in backupHandlers)).map((name) => [
      name,
      async (input: never) => {
        await gate;
        busy += 1;
        try {
          return await (parts.handlers[name] as (input: never) => Promise<unknown>)(input);
        } finally {
          busy -= 1;
        }
      },
    ]),
  );
  const handlers = { ...proxied, ...backupHandlers } as Handlers;
  const automatic = options.backups?.automatic ?? longLived;
  const stopAutomatic = automatic ? backups.startAutomatic((error) => console.warn('The automatic backup did not finish:', error), options.backups?.firstAfterMs, options.backups?.everyMs) : () => {};

  return {
    handlers,
    get people() {
      return parts.people;
    },
    get files() {
      return parts.files;
    },
    get mail() {
      return parts.mail;
    },
    get documents() {
      return parts.documents;
    },
    dataDir,
    checkIntegrity: () => parts.checkIntegrity(),
    checkFiles: (checkOptions) => parts.checkFiles(checkOptions),
    close: async () => {
      stopAutomatic();
      await gate;
      await parts.close();
    },
  };
}
