import { Alert, Button, Center, Stack } from '@mantine/core';
import { useAppInfo } from '../features/app/use-app-info';

/** Shown when even app.info fails: the service is down or the page lost its access key. */
export function StartupError() {
  const { error, refetch, isFetching } = useAppInfo();
  return (
    <Center h="100vh" p="xl">
      <Stack maw={520}>
        <Alert color="red" title="HMIS Access Desk could not start" role="alert">
          {error?.message}
        </Alert>
        <Button loading={isFetching} onClick={() => void refetch()}>
          Try again
        </Button>
      </Stack>
    </Center>
  );
}
