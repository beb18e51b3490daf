import type { MailAddress, MailStatus } from '../../../shared/domain/mail';

export const STATUS_COLOR: Record<MailStatus, string> = {
  queued: 'blue',
  sending: 'cyan',
  sent: 'teal',
  drafted: 'grape',
  failed: 'red',
  cancelled: 'gray',
};

/** "Maria O'Brien <maria@…>, office@…" for a table cell or a header line. */
export function addressList(list: readonly MailAddress[]): string {
  return list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
}
