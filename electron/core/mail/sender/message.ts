import type { SendMailOptions } from 'nodemailer';
import type { MailAddress } from '../../../../shared/domain/mail';
import type { FileStore } from '../../files/file-store';
import type { ClaimedMail } from '../outbox.repo';
import type { StoredMailSettings } from '../settings/mail-settings-store';

const asAddress = (a: MailAddress) => (a.name ? { name: a.name, address: a.address } : a.address);

/**
 * The nodemailer message for an outbox row. Attachments are read from the file store by hash
 * and handed over as bytes, so nodemailer never opens a path or URL (file and URL access are off).
 */
export async function toMailOptions(mail: ClaimedMail, settings: StoredMailSettings, files: FileStore | undefined, now: Date): Promise<SendMailOptions> {
  const attachments = [];
  for (const attachment of mail.attachments) {
    if (!files) throw new Error('This message has attachments but the file store is not available.');
    const content = Buffer.from(await files.read(attachment.sha256));
    attachments.push({ filename: attachment.fileName, content, ...(attachment.contentType ? { contentType: attachment.contentType } : {}) });
  }
  return {
    ...(settings.fromAddress ? { from: settings.fromName ? { name: settings.fromName, address: settings.fromAddress } : settings.fromAddress } : {}),
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    to: mail.to.map(asAddress),
    ...(mail.cc.length ? { cc: mail.cc.map(asAddress) } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: now,
    attachments,
  };
}
