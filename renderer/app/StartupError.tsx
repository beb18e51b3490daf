import { Alert, Button, Center, Stack } from '@mantine/core';
import { useAppStore } from '../features/app/app-store';

/** Shown when even app.info fails: the service is down or the page lost its access key. */
export function StartupError() {
  const error = useAppStore((s) => s.error);
  return (
    <Center h="100vh" p="xl">
      <Stack maw={520}>
        <Alert color="red" title="HMIS Access Desk could not start" role="alert">
          {error?.message}
        </Alert>
        <Button onClick={() => void useAppStore.getState().loadInfo()}>Try again</Button>
      </Stack>
    </Center>
  );
}
