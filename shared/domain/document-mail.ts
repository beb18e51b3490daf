import { z } from 'zod';
import { id, isoInstant, trimmed } from './common';
import { candidate, documentAttachResult, documentKind, documentMessage, mailAddress, recognition } from './document';
import { bytes } from './intake';

/** A message file (.eml or .msg) as dropped or picked: its PDFs are attached like PDFs dropped alone. */
export const messageFileInput = z.object({ fileName: trimmed('file name', 255), bytes });

export const messageAttachInput = messageFileInput.extend({
  personId: id.optional(),
  kind: documentKind.optional(),
  confirmPerson: z.boolean().optional(),
  /** Only this PDF of the message (its index in `parts`): a choice made after a first try. */
  part: z.number().int().min(0).max(199).optional(),
});
export type MessageAttachInput = z.input<typeof messageAttachInput>;

const partError = z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ field: z.string(), message: z.string() })).optional() });

/** One PDF of a message: attached, or why not (a refusal, a choice to make), like `documents.attach`. */
export const messagePart = z.object({
  index: z.number().int(),
  fileName: z.string(),
  document: documentAttachResult.shape.document,
  recognition: recognition.nullable(),
  mismatch: candidate.optional(),
  error: partError.nullable(),
});
export type MessagePart = z.infer<typeof messagePart>;

export const messageEnvelope = z.object({ from: mailAddress.nullable(), to: z.array(mailAddress), sentAt: isoInstant.nullable(), subject: z.string().nullable() });
export type MessageEnvelope = z.infer<typeof messageEnvelope>;

export const messageAttachResult = z.object({
  envelope: messageEnvelope,
  /** The stored message, once a document (or a file to sort) names it. */
  message: documentMessage.nullable(),
  /** Forwarded messages, ZIP archives, renamed attachments, what was not read. */
  notes: z.array(z.string()),
  parts: z.array(messagePart),
});
export type MessageAttachResult = z.infer<typeof messageAttachResult>;

/** A file from the watched folder no one could be matched to with certainty: staff choose the person. */
export const toSortItem = z.object({
  id,
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  recognition,
  message: documentMessage.nullable(),
  /** The file in the watched folder it came from. */
  source: z.string(),
  addedAt: isoInstant,
});
export type ToSortItem = z.infer<typeof toSortItem>;

export const toSortAttachInput = z.object({ id, personId: id, kind: documentKind.optional(), confirmPerson: z.boolean().optional() });

export const watchSettings = z.object({
  /** The folder to take files from; null: no folder is watched. */
  folder: z.string().trim().max(1000).nullable(),
});
export type WatchSettings = z.infer<typeof watchSettings>;

export const WATCH_OUTCOMES = ['attached', 'to_sort', 'duplicate', 'refused', 'waiting'] as const;

/** What a run of the watched folder did with each file (the sidecar .txt says the same). */
export const watchRunResult = z.object({
  folder: z.string(),
  files: z.array(z.object({ file: z.string(), outcome: z.enum(WATCH_OUTCOMES), message: z.string(), documentIds: z.array(id), toSortIds: z.array(id) })),
});
export type WatchRunResult = z.infer<typeof watchRunResult>;
