import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { DocumentKind, FormValues } from '../../../shared/domain/document';
import { makeSampleForm } from '../documents/samples/sample-forms';
import type { FileStore } from '../files/file-store';

/**
 * The signed forms of the sample office's certified people: one real form of each kind, made
 * once per seed, and for each document those bytes with a line of its own after the end (`%` is a
 * PDF comment; readers ignore what follows `%%EOF`). The store keeps one file per document (a
 * document's file is unique to it, migration 004), so every row opens; making the bytes costs a
 * copy and a hash, not a PDF.
 */
export interface SampleForm {
  bytes: Uint8Array;
  pageCount: number;
}

const SAMPLE_PERSON = {
  firstName: 'Sample',
  lastName: 'Person',
  email: 'sample.person@example.org',
  agencyName: 'Sample Agency (sample data)',
  accessLevelName: 'Direct Service Staff',
  supervisorName: 'Sample Supervisor',
  supervisorEmail: 'sample.supervisor@example.org',
};

/** What the form reader sees on every sample form: the values the review screen shows. */
export const SAMPLE_FORM_VALUES: FormValues = {
  userName: `${SAMPLE_PERSON.firstName} ${SAMPLE_PERSON.lastName}`,
  userEmail: SAMPLE_PERSON.email,
  supervisorName: SAMPLE_PERSON.supervisorName,
  supervisorEmail: SAMPLE_PERSON.supervisorEmail,
  agency: SAMPLE_PERSON.agencyName,
  accessLevel: SAMPLE_PERSON.accessLevelName,
};

export async function sampleForms(): Promise<Record<DocumentKind, SampleForm>> {
  const make = async (kind: DocumentKind): Promise<SampleForm> => {
    const bytes = await makeSampleForm({ kind, person: SAMPLE_PERSON, date: '01/02/2026' });
    return { bytes, pageCount: (await PDFDocument.load(bytes)).getPageCount() };
  };
  return { staff_verification: await make('staff_verification'), end_user_agreement: await make('end_user_agreement') };
}

export interface SampleFile {
  sha256: string;
  bytes: Buffer;
}

/** The form's bytes for one document: the shared form and a trailing comment naming the document (`owner`: unique to its person). */
export function sampleFile(form: SampleForm, owner: string, kind: DocumentKind): SampleFile {
  const bytes = Buffer.concat([form.bytes, Buffer.from(`\n% HMIS Access Desk sample document: ${owner}, ${kind}\n`)]);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** Files in flight at once: enough to keep the thread pool busy, few enough to stay polite. */
const CONCURRENCY = 16;

/**
 * Writes sample files straight under their names, before the rows that name them commit. Unlike
 * an attach (temp file, fsync, rename) there is no fsync per file: a fsync costs milliseconds, and
 * 100,000 sample people have tens of thousands of forms. A file that exists already (the same
 * document seeded twice) is left as it is.
 */
export async function writeSampleFiles(store: FileStore, files: readonly SampleFile[], made: Set<string> = new Set()): Promise<void> {
  // `made`: the folders this seed has made already, so a chunk does not ask for them again.
  const dirs = [...new Set(files.map((f) => path.dirname(store.pathOf(f.sha256))))].filter((dir) => !made.has(dir));
  await Promise.all(dirs.map((dir) => fs.mkdir(dir, { recursive: true })));
  for (const dir of dirs) made.add(dir);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as SampleFile;
      await fs.writeFile(store.pathOf(file.sha256), file.bytes, { flag: 'wx', mode: 0o600 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
}
