import type { Handlers } from '../../../shared/contract';
import type { BackupService } from './backup-service';

export type BackupCallName = 'backups.status' | 'backups.saveSettings' | 'backups.create' | 'backups.verify' | 'backups.restore';

/** The backup calls; created beside the core's parts, since a restore replaces those parts. */
export function createBackupHandlers(backups: BackupService): Pick<Handlers, BackupCallName> {
  return {
    'backups.status': () => backups.status(),
    'backups.saveSettings': (input) => backups.saveSettings(input),
    'backups.create': (input) => backups.create(input),
    'backups.verify': (input) => backups.verify(input),
    'backups.restore': (input) => backups.restore(input),
  };
}
