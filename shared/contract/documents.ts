import { z } from 'zod';
import { id } from '../domain/common';
import {
  documentAttachInput,
  documentAttachResult,
  documentFile,
  documentReadInput,
  documentRecord,
  documentReviewInput,
  recognition,
} from '../domain/document';
import { messageAttachInput, messageAttachResult, messageFileInput, toSortAttachInput, toSortItem, watchRunResult, watchSettings } from '../domain/document-mail';
import { documentLimits, pendingListInput, pendingListOutput, remindInput, remindOutput } from '../domain/document-queue';
import { noInput } from './app';
import { call } from './define';

export const documentCalls = {
  /**
   * Reads a PDF (in an isolated worker) and says what it is and whom it names, writing nothing:
   * for files dropped outside a record, which staff confirm before they are attached.
   */
  'documents.read': call({ input: documentReadInput, output: recognition }),
  /**
   * Reads, checks and stores a PDF on a person's record. Without `personId` it is attached only
   * when the form names someone on the list with certainty; otherwise `document` is null and the
   * candidates are returned. Refusals (not a PDF, damaged, password-protected, over the limits,
   * already attached) say what to ask the sender for.
   */
  'documents.attach': call({ input: documentAttachInput, output: documentAttachResult }),
  /** A person's documents, newest first, including the rejected and replaced ones (their history). */
  'documents.list': call({ input: z.object({ personId: id }), output: z.array(documentRecord) }),
  'documents.get': call({ input: z.object({ id }), output: documentRecord }),
  /** The original bytes, for the in-app viewer and for saving a copy. */
  'documents.file': call({ input: z.object({ id }), output: documentFile }),
  /** Accept, or reject with reasons; a rejection emails the sender (supervisor or user) what to fix. */
  'documents.review': call({ input: documentReviewInput, output: documentRecord }),
  /** The Pending documents queue: one section at a time, by waiting time, with every section's count. */
  'documents.pending': call({ input: pendingListInput, output: pendingListOutput }),
  /** Emails each chosen person (and their supervisor, for a missing Staff Verification) what is still missing. */
  'documents.remind': call({ input: remindInput, output: remindOutput }),
  /** Opens the original in the system's PDF viewer. Desktop app only; the browser offers a download. */
  'documents.openOriginal': call({ input: z.object({ id }), output: z.object({}) }),
  'documents.settings.get': call({ input: noInput, output: documentLimits }),
  'documents.settings.save': call({ input: documentLimits.partial(), output: documentLimits }),
  /**
   * An email message (.eml, or .msg from Outlook): read in an isolated worker, each PDF attached
   * as `documents.attach` would (same person rules), with the sender, recipients, date and subject
   * kept as evidence and the original message stored. A message with no PDF is refused, naming
   * what it held.
   */
  'documents.attachMessage': call({ input: messageAttachInput, output: messageAttachResult }),
  /** Reads a message and recognises its PDFs, writing nothing: for messages dropped outside a record. */
  'documents.readMessage': call({ input: messageFileInput, output: messageAttachResult }),
  /** The original email message a document came in (by the message's id), for opening or saving. */
  'documents.messageFile': call({ input: z.object({ id }), output: documentFile }),
  /** Files from the watched folder that matched no one with certainty: the "To sort" tab. */
  'documents.toSort.list': call({ input: noInput, output: z.array(toSortItem) }),
  /** Attaches a file to sort to the person staff chose; it leaves the list. */
  'documents.toSort.attach': call({ input: toSortAttachInput, output: documentAttachResult }),
  /** Drops a file to sort without attaching it (not a form, sent by mistake). */
  'documents.toSort.dismiss': call({ input: z.object({ id }), output: z.object({}) }),
  'documents.watch.get': call({ input: noInput, output: watchSettings }),
  /** Sets (or clears, with null) the folder the app takes PDFs and email messages from. */
  'documents.watch.save': call({ input: watchSettings, output: watchSettings }),
  /** Takes every file in the watched folder now (what the app does every few seconds, and `documents watch --once`). */
  'documents.watch.run': call({ input: z.object({ folder: z.string().trim().min(1).max(1000).optional() }), output: watchRunResult }),
};
