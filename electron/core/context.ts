import type { Emit } from '../../shared/contract/events';
import type { Clock } from './clock';
import type { Db } from './db/open-database';

/** What every service gets: the database, time, who is working, and how to announce changes. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  operator: string;
  dataDir: string;
  emit: Emit;
}
