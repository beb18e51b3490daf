import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { Emit } from '../../shared/contract/events';
import { createAccessLevelsService, seedDefaultAccessLevels } from './access-levels/access-levels-service';
import { createAgenciesService } from './agencies/agencies-service';
import { createAppService } from './app/app-service';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { openDatabase } from './db/open-database';
import { readDataVersion } from './db/data-version.repo';
import { watchOtherWriters } from './db/other-writers';
import { checkIntegrity, type IntegrityReport } from './db/sqlite.repo';
import { seedDemo } from './demo/demo-seed-service';
import { createDocuments, type Documents, type DocumentsOptions } from './documents/create-documents';
import { createFileStore, type FileStore } from './files/file-store';
import { createIntakeHandlers } from './intake/intake-handlers';
import { seedTrainingCatalog } from './training/catalog-seed';
import { createTrainingHandlers } from './training/training-handlers';
import { createMail, type Mail, type MailOptions } from './mail/create-mail';
import { createPeopleService, type PeopleService } from './people/people-service';
import type { SecretStore } from './secrets/secret-store';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  emit?: Emit;
  /** Who is working; the OS user until the app has operators of its own. */
  operator?: string;
  /** Path to a better-sqlite3 binary built for another ABI (Electron in development). */
  nativeBinding?: string;
  /** Where new secrets (the SMTP password) are kept: safeStorage in the desktop app; the key file otherwise. */
  secretStore?: SecretStore;
  mail?: MailOptions;
  /** PDF reader pool (size, time and memory limits) and the startup sweep's grace period. */
  documents?: DocumentsOptions;
  /**
   * Long-lived processes (the app, `npm run serve`) watch for other processes' writes and emit
   * `changed`; a number sets the poll interval in ms. Off for one-shot runs (CLI) and tests.
   */
  watchOtherWriters?: boolean | number;
}

export interface Core {
  /** Every contract call; transports reach the core only through these. */
  handlers: Handlers;
  people: PeopleService;
  files: FileStore;
  mail: Mail;
  documents: Documents;
  dataDir: string;
  checkIntegrity(): IntegrityReport;
  close(): Promise<void>;
}

function currentOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const clock = options.clock ?? systemClock();
  const database = openDatabase(path.join(dataDir, 'hmis.sqlite'), clock.now().toISOString(), options.nativeBinding);
  const ctx: CoreContext = { db: database.db, clock, dataDir, operator: options.operator ?? currentOsUser(), emit: options.emit ?? (() => {}) };
  await seedDefaultAccessLevels(ctx);
  await seedTrainingCatalog(ctx);

  const app = createAppService(ctx);
  const people = createPeopleService(ctx);
  const agencies = createAgenciesService(ctx);
  const accessLevels = createAccessLevelsService(ctx);
  const files = createFileStore(path.join(dataDir, 'files'));
  const mail = await createMail(ctx, { secretStore: options.secretStore, files }, options.mail);
  const documents = await createDocuments(ctx, { files, getPerson: (id) => people.get(id) }, options.documents);

  const handlers = {
    'app.info': () => app.info(),
    'app.dismissWelcome': () => app.dismissWelcome(),
    'demo.seed': async (input) => {
      const seeded = await seedDemo(ctx, input.people);
      // PDFs are read in workers, which no transaction may wait for: documents follow the commit.
      await documents.seedSamples();
      return seeded;
    },
    'people.create': (input) => people.create(input),
    'people.update': (input) => people.update(input),
    'people.get': (input) => people.get(input.id),
    'people.list': (input) => people.list(input),
    'people.history': (input) => people.history(input.id),
    'agencies.list': () => agencies.list(),
    'agencies.create': (input) => agencies.create(input),
    'accessLevels.list': () => accessLevels.list(),
    ...createIntakeHandlers(ctx),
    ...mail.handlers,
    ...documents.handlers,
    ...createTrainingHandlers(ctx, { files, sender: mail.sender }),
  } satisfies Handlers;

  const watch = options.watchOtherWriters;
  const stopWatching = watch ? watchOtherWriters(() => readDataVersion(database.sqlite), (event, payload) => ctx.emit(event, payload), typeof watch === 'number' ? watch : undefined) : () => {};

  return {
    handlers,
    people,
    files,
    mail,
    documents,
    dataDir,
    checkIntegrity: () => checkIntegrity(database.sqlite),
    close: async () => {
      stopWatching();
      await mail.sender.stop();
      await documents.close();
      await database.close();
    },
  };
}
