import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { plural } from '../../../../shared/plural';
import { notifyFailure } from '../../../api/query-client';
import { useCallMutation } from '../../../api/use-call';
import { downloadFile } from '../../../app/download';
import { useLookups } from '../../lookups/use-lookups';
import { useCalendarFilters, usePrintAgenda } from './use-calendar';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * "Print month" (fetches the agenda first) and "Download ICS" for Outlook, for everyone or the
 * chosen agency; a chosen access level narrows both, as it narrows the month.
 */
export function CalendarActions({ month }: { month: string }) {
  const filters = useCalendarFilters();
  const lookups = useLookups();
  const agency = lookups.agencies.find((a) => a.id === filters.agencyId);
  const level = lookups.accessLevels.find((l) => l.id === filters.accessLevelId);
  const prepare = usePrintAgenda(month);
  const ics = useCallMutation('recert.ics', { errorTitle: 'Not downloaded' });

  async function print() {
    try {
      await prepare();
    } catch (error) {
      return notifyFailure(error, 'Not printed');
    }
    window.print();
  }

  async function download(agencyId: number | undefined, name: string | undefined) {
    const file = await ics.mutateAsync({ agencyId, accessLevelId: level?.id }).catch(() => null);
    if (!file) return;
    const suffix = [name, level?.name].filter(Boolean).map((part) => slug(part as string)).join('-');
    const fileName = suffix ? file.fileName.replace(/\.ics$/, `-${suffix}.ics`) : file.fileName;
    downloadFile(fileName, 'text/calendar', file.text);
    notifications.show({ color: 'teal', title: 'Downloaded', message: `${plural(file.events, 'due date', 'due dates')} saved as ${fileName}. Open it in Outlook to add them to a calendar.` });
  }

  return (
    <Group className="no-print" gap="sm">
      <Button variant="default" onClick={() => void print()}>
        Print month
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" loading={ics.isPending}>
            Download ICS
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Due dates for Outlook</Menu.Label>
          <Menu.Item onClick={() => void download(undefined, undefined)}>{level ? `Everyone at ${level.name} (all agencies)` : 'Everyone (all agencies)'}</Menu.Item>
          {agency && <Menu.Item onClick={() => void download(agency.id, agency.name)}>{`Only ${agency.name}${level ? `, ${level.name}` : ''}`}</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
