import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AppError } from '../../../shared/app-error';
import { api } from '../../api/client';
import { toInput, usePeopleListStore } from '../people/people-list-store';

/** Hands bytes to the browser (or Electron) as a download, without a round trip to a file path. */
export function downloadFile(fileName: string, contentType: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, not before the download starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
