import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryClient } from '../api/query-client';
import { selectAppState, useAppStore } from '../features/app/app-store';
import { startLiveUpdates } from '../features/app/live-updates';
import { useAppInfo } from '../features/app/use-app-info';
import { useSampleDataState } from '../features/welcome/use-sample-data';
import { AppFrame } from './AppFrame';
import { StartupError } from './StartupError';
import { theme } from './theme';

function AppRoot() {
  const { data: info, error } = useAppInfo();
  const pageReady = useAppStore((s) => s.pageReady);
  const appState = selectAppState({ info, error, pageReady });
  const sampleData = useSampleDataState();
  return (
    // The ready markers e2e tests wait for (one element, so a locator on it is unambiguous).
    <div data-app-state={appState} data-sample-data={sampleData ?? undefined} className="app-root">
      {info ? <AppFrame /> : appState === 'error' ? <StartupError /> : null}
    </div>
  );
}

export function App() {
  useEffect(() => startLiveUpdates(queryClient), []);

  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        {/* Top right, below the header, short-lived: never over a form's Save and Cancel at the bottom. */}
        <Notifications position="top-right" autoClose={5000} limit={3} />
        <AppRoot />
      </MantineProvider>
    </QueryClientProvider>
  );
}
