import type { MessageAttachResult, MessagePart } from '../../../shared/domain/document-mail';
import type { UploadItem } from './upload-store';

/** Outlook gives .msg, other mail programs .eml: both carry the PDFs as attachments. */
export const isMessageFile = (file: File) => /\.(eml|msg)$/i.test(file.name);

const needsKind = (part: MessagePart) => part.error?.fields?.some((f) => f.field === 'kind') ?? false;

/** One PDF of a message as an upload row: what `documents.attach` would have said of it alone. */
function partChanges(part: MessagePart, matching: boolean): Partial<UploadItem> {
  const recognition = part.recognition;
  if (part.document) return { status: 'attached', message: null, recognition, result: { document: part.document, recognition: recognition ?? (null as never) } };
  if (part.mismatch) return { status: 'wrong-person', recognition, named: part.mismatch };
  if (part.error) return { status: needsKind(part) ? 'choose-kind' : 'refused', message: part.error.message };
  const best = recognition?.candidates[0];
  return {
    status: 'choose-person',
    recognition,
    ...(matching ? { personId: best && best.confidence >= 0.7 ? best.personId : null, kind: recognition?.kind === 'other' ? null : (recognition?.kind ?? null) } : {}),
  };
}

/** "Sent by James Nguyen <james@…> on 2 Nov 2026: “Forms for Ngozi”" — the sender is evidence, so it is shown. */
export function senderLine(result: Pick<MessageAttachResult, 'envelope'>): string {
  const { from, subject } = result.envelope;
  const who = from ? (from.name ? `${from.name} <${from.address}>` : from.address) : 'an unknown sender';
  return `From ${who}${subject ? `: “${subject}”` : ''}`;
}

/**
 * A message's answer as rows: the dropped message's row becomes one row per PDF it held (its name
 * "Forms.eml › sv.pdf"), or, for a retry of one PDF, that row takes the PDF's new outcome.
 */
export function expandMessage(items: readonly UploadItem[], key: string, result: MessageAttachResult, matching: boolean): UploadItem[] {
  const at = items.findIndex((i) => i.key === key);
  const item = items[at];
  if (!item) return [...items];
  if (item.part !== null) {
    const part = result.parts.find((p) => p.index === item.part);
    return items.map((i) => (i.key === key && part ? { ...i, ...partChanges(part, false) } : i));
  }
  const note = [senderLine(result), ...result.notes].join(' · ');
  const rows = result.parts.map((part, n): UploadItem => ({ ...item, key: `${key}.${part.index}`, part: part.index, label: `${item.file.name} › ${part.fileName}`, note: n === 0 ? note : null, message: null, named: null, result: null, ...partChanges(part, matching) }));
  return [...items.slice(0, at), ...rows, ...items.slice(at + 1)];
}
