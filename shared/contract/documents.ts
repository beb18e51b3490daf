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
};
