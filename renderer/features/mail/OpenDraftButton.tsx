import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AppError } from '../../../shared/app-error';
import { api } from '../../api/client';
import { downloadFile, isDesktop } from '../../app/download';

/**
 * One click from a drafted message to the mail program: the desktop app opens the .eml in Outlook
 * (X-Unsent makes it a new message, ready to send); a browser downloads it to open from there.
 */
export function OpenDraftButton({ id, size = 'compact-xs' }: { id: number; size?: 'compact-xs' | 'sm' }) {
  async function open() {
    try {
      if (isDesktop()) {
        await api.mail.openDraft({ id });
      } else {
        const draft = await api.mail.draft({ id });
        downloadFile(draft.fileName, 'message/rfc822', draft.bytes);
      }
    } catch (error) {
      notifications.show({ color: 'red', title: 'Draft not opened', message: AppError.from(error).message });
    }
  }
  return (
    <Button size={size} variant="subtle" onClick={() => void open()}>
      {isDesktop() ? 'Open draft' : 'Download draft'}
    </Button>
  );
}
