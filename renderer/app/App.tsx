import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { selectAppState, useAppStore } from '../features/app/app-store';
import { startLiveUpdates } from '../features/app/live-updates';
import { AppFrame } from './AppFrame';
import { StartupError } from './StartupError';
import { theme } from './theme';

export function App() {
  const appState = useAppStore(selectAppState);
  const hasInfo = useAppStore((s) => s.info !== null);

  useEffect(() => {
    void useAppStore.getState().loadInfo();
    return startLiveUpdates();
  }, []);

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      {/* The one ready marker e2e tests wait for (one element, so a locator on it is unambiguous). */}
      <div data-app-state={appState} className="app-root">
        {hasInfo ? <AppFrame /> : appState === 'error' ? <StartupError /> : null}
      </div>
    </MantineProvider>
  );
}
