import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../shared/contract';
import { plural } from '../../../shared/plural';
import { useCallMutation } from '../../api/use-call';
import { downloadFile } from '../../app/download';

type RunInput = Input<'reports.run'>;

function saved(fileName: string, what: string) {
  notifications.show({ color: 'teal', title: 'Saved', message: `${what} saved as ${fileName}.` });
}

/**
 * Print (the dialog of the browser or the desktop app, with its preview), Save as PDF (the core
 * renders the printable page with Chromium's printer: the same page, the same numbers), CSV and XLSX.
 */
export function ReportActions({ input, disabled }: { input: RunInput; disabled: boolean }) {
  const pdf = useCallMutation('reports.pdf', { errorTitle: 'No PDF made' });
  const exporter = useCallMutation('reports.export', { errorTitle: 'Not exported' });
  const savePdf = () =>
    pdf.mutate(input, {
      onSuccess: (file) => {
        downloadFile(file.fileName, file.contentType, file.bytes);
        saved(file.fileName, `The report (${plural(file.pages, 'page', 'pages')})`);
      },
    });
  const exportAs = (format: 'csv' | 'xlsx') =>
    exporter.mutate(
      { ...input, format },
      {
        onSuccess: (file) => {
          downloadFile(file.fileName, file.contentType, file.bytes);
          saved(file.fileName, plural(file.rows, 'row', 'rows'));
        },
      },
    );
  const exporting = exporter.isPending ? exporter.variables?.format : null;
  return (
    <Group gap="xs" className="no-print">
      <Button variant="default" onClick={() => window.print()} disabled={disabled}>
        Print
      </Button>
      <Button variant="default" onClick={savePdf} loading={pdf.isPending} disabled={disabled}>
        Save as PDF
      </Button>
      <Button variant="default" onClick={() => exportAs('csv')} loading={exporting === 'csv'} disabled={disabled}>
        CSV
      </Button>
      <Button variant="default" onClick={() => exportAs('xlsx')} loading={exporting === 'xlsx'} disabled={disabled}>
        XLSX
      </Button>
    </Group>
  );
}
