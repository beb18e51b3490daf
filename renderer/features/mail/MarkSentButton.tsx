import { Button } from '@mantine/core';
import { useMailAction } from './use-mail';

/** After staff send a draft from their mail program; a credentials draft is deleted then (it holds a password). */
export function MarkSentButton({ id, template, size = 'compact-xs' }: { id: number; template: string; size?: 'compact-xs' | 'sm' }) {
  const secret = template === 'credentials';
  const mark = useMailAction('mail.markSent', () => (secret ? 'Marked as sent; the draft with the password was deleted.' : 'Marked as sent.'));
  return (
    <Button size={size} variant="default" loading={mark.isPending} onClick={() => mark.mutate({ id })}>
      {secret ? 'Mark sent and delete draft' : 'Mark as sent'}
    </Button>
  );
}
