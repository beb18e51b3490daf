import { randomBytes } from 'node:crypto';
import type { CallName } from '../../../shared/contract';
import type { Person } from '../../../shared/domain/person';
import { encryptedPdf, form } from '../../core/documents/test-support/document-fixtures';
import { embeddedFilePdf, flateBombPdf, javaScriptPdf, launchActionPdf, manyPagesPdf, ownerPasswordPdf } from '../../core/documents/test-support/hostile-pdfs';
import { part, sheetXml, whitespaceBombSheet, workbook, workbookParts, zip } from '../../core/intake/sheet/test-support/hostile-workbooks';

/**
 * Files from outside, by family. Each family names the calls that read such a file and the input
 * that carries it; the suite (hostile-files.test.ts) sends every file to every one of its calls
 * through the HTTP host. A new kind of file a feature accepts (mail messages, .eml and .msg) is a
 * new entry in HOSTILE_FILE_FAMILIES, with its calls and its files; nothing else changes.
 */
export interface HostileFile {
  what: string;
  fileName: string;
  /** Built when it is sent, so the suite never holds every bomb at once. */
  make(): Promise<Uint8Array> | Uint8Array;
  /** Seconds to build and send: only in `npm run test:hostile`, not in the small run of `npm test`. */
  heavy?: boolean;
}

export interface FamilyContext {
  /** A person on the list (the suite's sample data), for the files and calls that name one. */
  person: Person;
}

export interface HostileFileFamily {
  name: string;
  calls: { name: CallName; input(file: { fileName: string; bytes: Uint8Array }, ctx: FamilyContext): unknown }[];
  files(ctx: FamilyContext): HostileFile[];
}

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

export const pdfFamily: HostileFileFamily = {
  name: 'PDFs',
  calls: [
    { name: 'documents.read', input: (file) => file },
    { name: 'documents.attach', input: (file, ctx) => ({ ...file, personId: ctx.person.id }) },
  ],
  files: ({ person }) => {
    const good = () => form(person, { kind: 'end_user_agreement' });
    return [
      { what: 'an empty file', fileName: 'empty.pdf', make: () => new Uint8Array(0) },
      { what: 'a truncated download', fileName: 'cut.pdf', make: async () => (await good()).slice(0, 3000) },
      ...[1, 2, 3].map((n) => ({ what: `random bytes behind a PDF header (${n})`, fileName: `noise-${n}.pdf`, make: () => concat(ascii('%PDF-1.7\n'), randomBytes(4096 * n), ascii('\n%%EOF\n')) })),
      { what: 'a password-protected file', fileName: 'locked.pdf', make: () => encryptedPdf(person) },
      { what: 'an owner-password (edit-locked) file', fileName: 'owner.pdf', make: async () => ownerPasswordPdf(await good()) },
      { what: 'JavaScript on open and in a link', fileName: 'script.pdf', make: async () => javaScriptPdf(await good()) },
      { what: 'a Launch action', fileName: 'launch.pdf', make: async () => launchActionPdf(await good()) },
      { what: 'a program attached inside', fileName: 'setup.pdf', make: async () => embeddedFilePdf(await good(), 'setup.exe') },
      { what: 'a small Flate bomb (64 MB from 64 KB)', fileName: 'small-bomb.pdf', make: async () => flateBombPdf(await good(), 64) },
      { what: '3,000 pages', fileName: 'pages.pdf', make: () => manyPagesPdf(3000) },
      { what: 'an oversized file (30 MB)', fileName: 'huge.pdf', make: () => concat(ascii('%PDF-1.7\n'), new Uint8Array(30 * 1024 * 1024).fill(0x20)), heavy: true },
      { what: 'a Flate bomb (512 MB from 0.5 MB)', fileName: 'bomb.pdf', make: async () => flateBombPdf(await good(), 512), heavy: true },
      { what: 'a hidden Flate bomb (hex, then Flate)', fileName: 'hidden-bomb.pdf', make: async () => flateBombPdf(await good(), 256, { hidden: true }), heavy: true },
    ];
  },
};

const csv = (text: string) => ascii(text);
const HEADER = 'First name,Last name,Email,Agency,Access level\r\n';

export const sheetFamily: HostileFileFamily = {
  name: 'spreadsheets (CSV, XLSX)',
  calls: [
    { name: 'intake.preview', input: (file) => file },
    { name: 'intake.import', input: (file) => file },
    { name: 'quizzes.previewResponses', input: (file) => file },
    { name: 'quizzes.importResponses', input: (file) => file },
    { name: 'roster.preview', input: (file) => file },
    { name: 'roster.check', input: (file) => file },
  ],
  files: () => [
    { what: 'wrong columns', fileName: 'wrong.csv', make: () => csv('Colour,Size,Weight\r\nred,10,3\r\nblue,,\r\n') },
    { what: 'only a header', fileName: 'header.csv', make: () => csv(HEADER) },
    { what: 'a 2 MB cell', fileName: 'huge-cell.csv', make: () => csv(`${HEADER}Ana,${'L'.repeat(2 * 1024 * 1024)},ana@x.org,River City Outreach,Read Only\r\n`) },
    { what: '20,000 columns', fileName: 'wide.csv', make: () => csv(`${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\r\n`) },
    { what: 'invalid UTF-8', fileName: 'latin.csv', make: () => concat(csv(HEADER), new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0xa0, 0xe2, 0x82]), csv(',García,g@x.org,Agency,Read Only\r\n')) },
    { what: 'formulas in cells', fileName: 'formula.csv', make: () => csv(`${HEADER}=cmd|' /C calc'!A0,@SUM(1),+1@x.org,-2,=HYPERLINK("http://x")\r\n`) },
    { what: 'unbalanced quotes', fileName: 'quotes.csv', make: () => csv(`${HEADER}"Ana,"O"Brien,ana@x.org\r\n"""\r\n`) },
    { what: 'random bytes named .xlsx', fileName: 'noise.xlsx', make: () => new Uint8Array(randomBytes(8192)) },
    { what: 'a zip header and noise', fileName: 'zipnoise.xlsx', make: () => concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), randomBytes(8192)) },
    { what: 'an XLSX zip bomb (4 GiB of spaces)', fileName: 'bomb.xlsx', make: () => zip([...workbookParts(), whitespaceBombSheet(4095)]), heavy: true },
    { what: 'an XLSX that lies about its size', fileName: 'liar.xlsx', make: () => zip([...workbookParts(), whitespaceBombSheet(512, 64 * 1024)]) },
    { what: 'an XLSX without its sheet', fileName: 'nosheet.xlsx', make: () => zip(workbookParts()) },
    { what: 'an XLSX with a 1 MB cell', fileName: 'bigcell.xlsx', make: () => workbook([['Email', 'First name'], ['a@x.org', 'A'.repeat(1024 * 1024)]]) },
    { what: 'an XLSX sheet that is not XML', fileName: 'notxml.xlsx', make: () => zip([...workbookParts(), part('xl/worksheets/sheet1.xml', `${sheetXml([['Email']]).slice(0, 40)}<<<&&&`)]) },
  ],
};

/** Every family the suite sends; mail messages (.eml, .msg) join here with the call that reads them. */
export const HOSTILE_FILE_FAMILIES: readonly HostileFileFamily[] = [pdfFamily, sheetFamily];
