import type { AppError } from '../../../shared/app-error';
import type { AccessLevel } from '../../../shared/domain/access-level';
import type { Agency } from '../../../shared/domain/agency';
import { useCall } from '../../api/use-call';

const NONE: never[] = [];

/**
 * Agencies and access levels: small lists that filters and forms choose from. Every component that
 * asks shares one cached answer, refreshed when agencies or access levels change.
 */
export function useLookups(): { agencies: Agency[]; accessLevels: AccessLevel[]; loaded: boolean; error: AppError | null } {
  const agencies = useCall('agencies.list', {});
  const accessLevels = useCall('accessLevels.list', {});
  return {
    agencies: agencies.data ?? NONE,
    accessLevels: accessLevels.data ?? NONE,
    loaded: agencies.isSuccess && accessLevels.isSuccess,
    error: agencies.error ?? accessLevels.error,
  };
}

export function agencyOptions(agencies: readonly Agency[]) {
  return agencies.map((a) => ({ value: String(a.id), label: a.name }));
}

export function accessLevelOptions(levels: readonly AccessLevel[]) {
  return levels.map((l) => ({ value: String(l.id), label: l.name }));
}
