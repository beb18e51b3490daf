import { Button } from '@mantine/core';
import { useCallMutation } from '../../api/use-call';
import { downloadFile, isDesktop } from '../../app/download';

/**
 * One click from a drafted message to the mail program: the desktop app opens the .eml in Outlook
 * (X-Unsent makes it a new message, ready to send); a browser downloads it to open from there.
 */
export function OpenDraftButton({ id, size = 'compact-xs' }: { id: number; size?: 'compact-xs' | 'sm' }) {
  const openDraft = useCallMutation('mail.openDraft', { errorTitle: 'Draft not opened' });
  const download = useCallMutation('mail.draft', { errorTitle: 'Draft not opened', onSuccess: (draft) => downloadFile(draft.fileName, 'message/rfc822', draft.bytes) });
  const open = () => (isDesktop() ? openDraft.mutate({ id }) : download.mutate({ id }));
  return (
    <Button size={size} variant="subtle" loading={openDraft.isPending || download.isPending} onClick={open}>
      {isDesktop() ? 'Open draft' : 'Download draft'}
    </Button>
  );
}
