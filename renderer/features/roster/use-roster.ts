import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useCall, useCallMutation } from '../../api/use-call';
import { downloadFile } from '../../app/download';
import { rosterSource, useRosterStore } from './roster-store';

const EMPTY = { fileName: 'none', bytes: new Uint8Array(1) };

/** The source as one stable object: a selector building it anew would re-render forever. */
function useRosterSource() {
  const file = useRosterStore((s) => s.file);
  const columns = useRosterStore((s) => s.columns);
  return useMemo(() => rosterSource({ file, columns }), [file, columns]);
}

export function useRosterPreview() {
  const source = useRosterSource();
  return useCall('roster.preview', source ?? EMPTY, { enabled: source !== null });
}

export function useRosterReport() {
  const checking = useRosterStore((s) => s.checking);
  const source = useRosterSource();
  return useCall('roster.check', source ?? EMPTY, { enabled: checking && source !== null });
}

/** "Use sample roster": a user export made from the list as it is, read like a dropped file. */
export function useSampleRoster() {
  return useCallMutation('roster.sample', {
    errorTitle: 'No sample roster',
    onSuccess: (file) => useRosterStore.getState().openBytes(file.fileName, file.bytes),
  });
}

export function useExportFindings() {
  return useCallMutation('roster.export', {
    errorTitle: 'Not exported',
    onSuccess: (file) => {
      downloadFile(file.fileName, file.contentType, file.bytes);
      notifications.show({ color: 'teal', title: 'Exported', message: `${file.rows.toLocaleString('en-US')} findings saved as ${file.fileName}.` });
    },
  });
}

export function useRequestDeactivation() {
  return useCallMutation('requests.create', {
    errorTitle: 'No deactivation request',
    onSuccess: (request) => notifications.show({ color: 'teal', title: 'Deactivation requested', message: `A deactivation request is open on person #${request.personId}.` }),
  });
}
