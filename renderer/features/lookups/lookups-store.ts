import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { AccessLevel } from '../../../shared/domain/access-level';
import type { Agency } from '../../../shared/domain/agency';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** Agencies and access levels: small lists that filters and forms choose from. */
interface LookupsStore {
  agencies: Agency[];
  accessLevels: AccessLevel[];
  loaded: boolean;
  error: AppError | null;
  load(): Promise<void>;
}

let inFlight: Promise<void> | null = null;

export const useLookupsStore = create<LookupsStore>()((set) => ({
  agencies: [],
  accessLevels: [],
  loaded: false,
  error: null,
  load() {
    // Several components ask at mount; one request answers them all.
    inFlight ??= (async () => {
      try {
        const [agencies, accessLevels] = await Promise.all([api.agencies.list(), api.accessLevels.list()]);
        set({ agencies, accessLevels, loaded: true, error: null });
      } catch (error) {
        set({ error: AppError.from(error) });
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  },
}));

onEntitiesChanged(['agencies', 'accessLevels'], () => void useLookupsStore.getState().load());

export function agencyOptions(agencies: readonly Agency[]) {
  return agencies.map((a) => ({ value: String(a.id), label: a.name }));
}

export function accessLevelOptions(levels: readonly AccessLevel[]) {
  return levels.map((l) => ({ value: String(l.id), label: l.name }));
}
