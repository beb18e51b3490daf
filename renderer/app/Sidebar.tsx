import { AppShell, Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useAppInfo } from '../features/app/use-app-info';
import { href } from './router';
import { isNavActive, NAV } from './routes';

export function Sidebar({ path }: { path: string }) {
  const info = useAppInfo().data;
  return (
    <>
      <AppShell.Section grow component={ScrollArea} p="xs">
        {NAV.map((entry) =>
          entry.path ? (
            <NavLink
              key={entry.label}
              href={href(entry.path)}
              label={entry.label}
              active={isNavActive(entry, path)}
              aria-current={isNavActive(entry, path) ? 'page' : undefined}
              rightSection={entry.badge ? <entry.badge /> : undefined}
            />
          ) : (
            // Not a link: the queue arrives with a later feature, and a dead page would mislead.
            <NavLink
              key={entry.label}
              component="div"
              label={entry.label}
              disabled
              aria-disabled="true"
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  Soon
                </Badge>
              }
            />
          ),
        )}
      </AppShell.Section>
      <AppShell.Section p="sm" className="sidebar-footer">
        {info && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              Working as <strong>{info.operator}</strong>
            </Text>
            <Text size="xs" c="dimmed" title={info.dataDir} className="data-dir">
              Data: {info.dataDir}
            </Text>
            <Text size="xs" c="dimmed">
              Version {info.version}
            </Text>
          </Stack>
        )}
      </AppShell.Section>
    </>
  );
}
