import { Burger, Group, Kbd, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useAppInfo } from '../features/app/use-app-info';
import { useFinderStore } from '../features/finder/finder-store';
import { href } from './router';
import { HOME_PATH } from './routes';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export function TopBar({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const info = useAppInfo().data;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={navOpened ? 'Hide the queues' : 'Show the queues'} />
        {/* Not a heading: each page's own title is its one h1. */}
        <Text component="a" href={href(HOME_PATH)} fw={700} size="lg" className="product-name">
          HMIS Access Desk
        </Text>
      </Group>
      <UnstyledButton className="finder-trigger" onClick={() => useFinderStore.getState().open()} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
        <Text size="sm" c="dimmed" component="span">
          Find a person…
        </Text>
        <span aria-hidden="true">
          <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd> <Kbd size="xs">K</Kbd>
        </span>
      </UnstyledButton>
      {info && (
        <Tooltip label={`Data folder: ${info.dataDir}`} multiline maw={420}>
          {/* Not a Tab stop: it is not something to act on, and every page would start with it. */}
          <Text size="sm" c="dimmed" className="operator">
            {info.operator}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}
