import { userInfo } from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Handlers } from '../../shared/contract';
import type { BackupCallName } from './backup/backup-handlers';
import { reopenableCore } from './backup/reopenable-core';
import type { Emit } from '../../shared/contract/events';
import { createAccessLevelsHandlers } from './access-levels/access-levels-handlers';
import { seedDefaultAccessLevels } from './access-levels/access-levels-service';
import { createAgenciesHandlers } from './agencies/agencies-handlers';
import { createAppHandlers } from './app/app-handlers';
import { createAuditHandlers } from './audit/audit-handlers';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { createCredentialsHandlers } from './credentials/credentials-handlers';
import { openDatabase } from './db/open-database';
import { readDataVersion } from './db/data-version.repo';
import { watchOtherWriters } from './db/other-writers';
import { checkIntegrity, type IntegrityReport } from './db/sqlite.repo';
import { createDemoHandlers } from './demo/demo-handlers';
import { createDocuments, type Documents, type DocumentsOptions } from './documents/create-documents';
import { createDocumentsHandlers } from './documents/documents-handlers';
import { createEventHub } from './events/event-hub';
import { createFileStore, type FileStore } from './files/file-store';
import { checkFileStore, type FileStoreReport } from './files/file-check';
import { ensurePrivateDir, ensurePrivateFile, narrowIfPresent } from './files/private-files';
import { createIntakeHandlers } from './intake/intake-handlers';
import { createMail, kickOnQueued, type Mail, type MailOptions } from './mail/create-mail';
import { createMailHandlers } from './mail/mail-handlers';
import { createPeopleHandlers } from './people/people-handlers';
import { createPeopleService, type PeopleService } from './people/people-service';
import { createQuizzesHandlers } from './quizzes/quizzes-handlers';
import { createRecertHandlers } from './recert/recert-handlers';
import { chromiumPrinter } from './reports/chromium-printer';
import type { PdfPrinter } from './reports/pdf-job';
import { createReportsHandlers } from './reports/reports-handlers';
import { createRosterHandlers } from './roster/roster-handlers';
import type { SecretStore } from './secrets/secret-store';
import { seedTrainingCatalog } from './training/catalog-seed';
import { createTrainingHandlers } from './training/training-handlers';

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
  /** Prints reports to PDF: Electron's printToPDF in the app; Debian's Chromium (started on first use) otherwise. */
  pdfPrinter?: PdfPrinter;
  /**
   * Automatic daily backups and the integrity check at startup (a damaged database is moved aside);
   * on by default in long-lived processes (those that start the mail sender), off otherwise.
   */
  backups?: { automatic?: boolean; checkAtStart?: boolean; firstAfterMs?: number; everyMs?: number };
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
  /** `check`'s file store half: each row's file by hash, orphans and leftovers; `repair` removes old ones. */
  checkFiles(options?: { repair?: boolean }): Promise<FileStoreReport>;
  close(): Promise<void>;
}

function currentOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The core without the backup calls, opened afresh after a restore (backup/reopenable-core.ts). */
export type CoreParts = Omit<Core, 'handlers'> & { handlers: CoreHandlers; sqlite: BetterSqlite3.Database; db: CoreContext['db']; operator: string };
type CoreHandlers = Omit<Handlers, BackupCallName>;

async function openCoreParts(options: CoreOptions): Promise<CoreParts> {
  const dataDir = path.resolve(options.dataDir);
  ensurePrivateDir(dataDir);
  const clock = options.clock ?? systemClock();
  const databaseFile = path.join(dataDir, 'hmis.sqlite');
  ensurePrivateFile(databaseFile);
  for (const suffix of ['-wal', '-shm']) narrowIfPresent(databaseFile + suffix);
  const database = openDatabase(databaseFile, clock.now().toISOString(), options.nativeBinding);
  // Listeners inside the core (the mail kick) subscribe here; the caller's emit is the first of them.
  const events = createEventHub();
  if (options.emit) events.subscribe(options.emit);
  const ctx: CoreContext = { db: database.db, clock, dataDir, operator: options.operator ?? currentOsUser(), emit: events.emit };
  await seedDefaultAccessLevels(ctx);
  await seedTrainingCatalog(ctx);

  const people = createPeopleService(ctx);
  const files = createFileStore(path.join(dataDir, 'files'));
  const mail = await createMail(ctx, { secretStore: options.secretStore, files }, options.mail);
  // A running sender sends what a call queued within a moment, not at its next poll.
  if (options.mail?.autoStart) events.subscribe(kickOnQueued(mail.sender.kick));
  // Long-lived processes (they watch for other writers) also take the watched folder's files.
  const documents = await createDocuments(ctx, { files, getPerson: (id) => people.get(id) }, { watchFolder: Boolean(options.watchOtherWriters), ...options.documents });

  const stops: (() => void)[] = [];
  const printer = options.pdfPrinter ?? chromiumPrinter();
  // One line per feature folder: each hands over its share of the contract.
  const handlers = {
    ...createAppHandlers(ctx),
    ...createDemoHandlers(ctx, { seedSampleDocuments: documents.seedSamples, files }),
    ...createPeopleHandlers(ctx, { people }),
    ...createAgenciesHandlers(ctx),
    ...createAccessLevelsHandlers(ctx),
    ...createIntakeHandlers(ctx),
    ...createMailHandlers(ctx, mail),
    ...createDocumentsHandlers(ctx, documents),
    ...createTrainingHandlers(ctx, { files }),
    ...createCredentialsHandlers(ctx, { sender: mail.sender }),
    ...createQuizzesHandlers(ctx),
    ...createRecertHandlers(ctx, { dailyReminders: options.mail?.autoStart === true, onStop: (stop) => stops.push(stop) }),
    ...createRosterHandlers(ctx),
    ...createReportsHandlers(ctx, { files, printer }),
    ...createAuditHandlers(ctx),
  } satisfies CoreHandlers;

  const watch = options.watchOtherWriters;
  const stopWatching = watch ? watchOtherWriters(() => readDataVersion(database.sqlite), (event, payload) => ctx.emit(event, payload), typeof watch === 'number' ? watch : undefined) : () => {};

  return {
    handlers,
    sqlite: database.sqlite,
    db: database.db,
    operator: ctx.operator,
    people,
    files,
    mail,
    documents,
    dataDir,
    checkIntegrity: () => checkIntegrity(database.sqlite),
    checkFiles: (checkOptions) => checkFileStore(database.db, files, checkOptions),
    close: async () => {
      stopWatching();
      for (const stop of stops) stop();
      await mail.sender.stop();
      await documents.close();
      await printer.close();
      await database.close();
    },
  };
}

/**
 * The core: every call, over parts that a restore closes and opens again on the restored data
 * (backup/reopenable-core.ts), and a database that fails its integrity check at startup moved aside.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  return reopenableCore(options, () => openCoreParts(options));
}
