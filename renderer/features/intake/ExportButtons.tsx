import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallMutation } from '../../api/use-call';
import { downloadFile } from '../../app/download';
import { toInput, usePeopleListStore } from '../people/people-list-store';
import { useFirstPeoplePage } from '../people/use-people-pages';
import { plural } from '../../../shared/plural';

/** The master list as shown (search, filters, order) to CSV or Excel. */
export function ExportButtons() {
  const query = usePeopleListStore((s) => s.query);
  const total = useFirstPeoplePage(query).data?.total;
  const exporter = useCallMutation('people.export', {
    errorTitle: 'Not exported',
    onSuccess: (file) => {
      downloadFile(file.fileName, file.contentType, file.bytes);
      notifications.show({ color: 'teal', title: 'Exported', message: `${plural(file.rows, 'row', 'rows')} saved as ${file.fileName}.` });
    },
  });
  const exportAs = (format: 'csv' | 'xlsx') => exporter.mutate({ ...toInput(query), format });

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" loading={exporter.isPending} disabled={!total}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => exportAs('xlsx')}>Excel workbook (.xlsx)</Menu.Item>
        <Menu.Item onClick={() => exportAs('csv')}>CSV for Excel (.csv)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
