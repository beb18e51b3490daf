import { useCall } from '../../api/use-call';

/** Version, operator, data folder, counts and "show welcome": refreshed when people, agencies or settings change. */
export function useAppInfo() {
  return useCall('app.info', {});
}
