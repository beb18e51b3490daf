import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { arrangePerson, form } from './test-support/document-fixtures';
import { embeddedFilePdf, flateBombPdf, launchActionPdf, ownerPasswordPdf, uriAndSubmitPdf } from './test-support/hostile-pdfs';

let t: TempCore;
let person: Person;
let goodForm: Uint8Array;

beforeAll(async () => {
  t = await tempCore({ documents: { pool: { size: 4 } } });
  person = await arrangePerson(t.core);
  goodForm = await form(person, { kind: 'end_user_agreement' });
});
afterAll(() => t.dispose());

const attach = (bytes: Uint8Array, fileName = 'form.pdf') => t.core.handlers['documents.attach']({ personId: person.id, fileName, bytes });

function storedFiles(): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [e.name]));
  try {
    return walk(path.join(t.dataDir, 'files'));
  } catch {
    return [];
  }
}

async function expectNothingWritten(): Promise<void> {
  expect(await t.core.handlers['documents.list']({ personId: person.id })).toEqual([]);
  expect(storedFiles()).toEqual([]);
}

/** The highest RSS of this process while `work` runs, above where it started, in MB. */
async function peakRssMb(work: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return (Math.max(peak, process.memoryUsage.rss()) - start) / 1024 / 1024;
}

describe('PDFs that could run something in a viewer are refused, each with what to ask for', () => {
  const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['a link that launches a program', () => launchActionPdf(goodForm), /^The PDF contains an action that starts a program.*\(a “Launch” action\), so it was not attached\. Ask the sender to print the form to a new PDF/],
    ['a Launch action hidden in a compressed object stream', () => launchActionPdf(goodForm, { objectStreams: true }), /“Launch” action/],
    ['a Windows program attached inside', () => embeddedFilePdf(goodForm, 'setup.exe'), /^The PDF carries a program inside it \(“setup\.exe”\), which a PDF viewer could run, so it was not attached\. Ask the sender to print the signed form to a new PDF/],
    ['a program attached under an innocent name', () => embeddedFilePdf(goodForm, 'notes.txt', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0])), /^The PDF carries a program inside it \(“notes\.txt”\)/],
    ['a file that opens without a password but is locked against changes', () => ownerPasswordPdf(goodForm), /^The PDF is password-protected \(even one that opens without a password can be locked\).*Ask the sender for a copy without a password/],
  ];
  for (const [what, make, sentence] of cases) {
    it(`refuses ${what}`, async () => {
      const bytes = await make();
      await expect(attach(bytes)).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(sentence) });
      await expectNothingWritten();
    });
  }
});

describe('PDFs with links, a submit button or an attached file attach with a finding to check', () => {
  it('says what the links and buttons do, and names the attached file', async () => {
    const linked = await attach(await uriAndSubmitPdf(goodForm));
    expect(linked.document?.findings).toContainEqual({ key: 'actions', status: 'check', label: 'Links and actions', message: expect.stringMatching(/^The PDF has links to a web address and a button that sends the form’s contents over the internet\. Nothing was followed here/) });
    const note = await embeddedFilePdf(goodForm, 'cover-letter.txt', new TextEncoder().encode('Dear office, please find the form.'));
    const withNote = await t.core.handlers['documents.attach']({ personId: person.id, fileName: 'form.pdf', bytes: note, kind: 'staff_verification' });
    expect(withNote.document?.findings).toContainEqual({ key: 'attachments', status: 'check', label: 'Attached files', message: expect.stringMatching(/^The PDF carries a file inside it \(“cover-letter\.txt”\)\. It was not opened/) });
    expect(linked.document?.findings.some((f) => f.key === 'attachments')).toBe(false);
  });
});

describe('decompression bombs are refused with memory bounded', () => {
  it('refuses a 1 MB PDF whose page inflates to a gigabyte, without the gigabyte', async () => {
    const bomb = await flateBombPdf(goodForm, 1024);
    let error: unknown;
    const peak = await peakRssMb(() => attach(bomb, 'bomb.pdf').catch((e: unknown) => (error = e)));
    expect(error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^The PDF needed more memory to read than is allowed and was stopped.*print the form to a new PDF/) });
    console.info(`one Flate bomb: peak RSS +${Math.round(peak)} MB`);
    expect(peak).toBeLessThan(400);
  });

  it('stops four bombs read at once, hidden behind a filter only decoding can measure, far below their gigabytes', async () => {
    const bomb = await flateBombPdf(goodForm, 1024, { hidden: true });
    let settled: PromiseSettledResult<unknown>[] = [];
    const peak = await peakRssMb(async () => (settled = await Promise.allSettled([1, 2, 3, 4].map((n) => attach(bomb, `bomb-${n}.pdf`)))));
    for (const result of settled) expect(result).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/^(The PDF needed more memory|Reading the PDF took too long)/) } });
    console.info(`four hidden bombs: peak RSS +${Math.round(peak)} MB`);
    expect(peak).toBeLessThan(2.5 * 1024);
    expect((await t.core.handlers['documents.list']({ personId: person.id })).map((d) => d.fileName)).toEqual(['form.pdf', 'form.pdf']);
    // The memory the stopped readers left behind does not count against the next file.
    expect(await t.core.handlers['documents.read']({ fileName: 'after.pdf', bytes: goodForm })).toMatchObject({ kind: 'end_user_agreement', pageCount: 2 });
  }, 180_000);
});
