import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useAppStore } from '../features/app/app-store';
import { navigate } from './router';
import { HOME_PATH } from './routes';

export function NotFoundPage() {
  useEffect(() => useAppStore.getState().markPageReady(), []);
  return (
    <Stack align="flex-start" maw={560}>
      <Title order={1} size="h2">This page does not exist</Title>
      <Text>The link may be old, or the page belongs to a part of HMIS Access Desk that is not built yet.</Text>
      <Button onClick={() => navigate(HOME_PATH)}>Open the master list</Button>
    </Stack>
  );
}
