import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AppError } from '../../../shared/app-error';
import { api } from '../../api/client';
import { downloadFile } from '../../app/download';
import { toInput, usePeopleListStore } from '../people/people-list-store';

/** The master list as shown (search, filters, order) to CSV or Excel. */
export function ExportButtons() {
  const total = usePeopleListStore((s) => s.total);
  const [busy, setBusy] = useState(false);

  async function exportAs(format: 'csv' | 'xlsx') {
    setBusy(true);
    try {
      const file = await api.people.export({ ...toInput(usePeopleListStore.getState().query), format });
      downloadFile(file.fileName, file.contentType, file.bytes);
      notifications.show({ color: 'teal', title: 'Exported', message: `${file.rows.toLocaleString('en-US')} rows saved as ${file.fileName}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not exported', message: AppError.from(error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" loading={busy} disabled={!total}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void exportAs('xlsx')}>Excel workbook (.xlsx)</Menu.Item>
        <Menu.Item onClick={() => void exportAs('csv')}>CSV for Excel (.csv)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
