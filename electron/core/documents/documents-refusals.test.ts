import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { scanLikePng } from './samples/sample-scan';
import { arrangePerson, ascii, encryptedPdf, form } from './test-support/document-fixtures';

let t: TempCore;
let person: Person;
let goodForm: Uint8Array;

beforeAll(async () => {
  t = await tempCore({ documents: { pool: { size: 1 } } });
  person = await arrangePerson(t.core);
  goodForm = await form(person, { kind: 'end_user_agreement' });
});
afterAll(() => t.dispose());

const attach = (bytes: Uint8Array, fileName = 'form.pdf') => t.core.handlers['documents.attach']({ personId: person.id, fileName, bytes });

/** Files in the store, temp files included: a refusal must leave none. */
function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'files');
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [e.name]));
  try {
    return walk(root);
  } catch {
    return [];
  }
}

describe('refusing files that cannot be a signed form, each with what to ask the sender for', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), /^The file is empty \(0 bytes\)\. Ask the sender to attach the PDF/],
    ['a picture named .pdf', () => scanLikePng(40, 40), /^This file is not a PDF, whatever its name says \(it looks like a picture\)\. Ask the sender to save or print the signed form as a PDF/],
    ['a Word file named .pdf', () => ascii('PK\u0003\u0004word/document.xml'), /\(it looks like a Word, Excel or ZIP file\)/],
    ['a text file named .pdf', () => ascii('Please find attached the form.'), /^This file is not a PDF, whatever its name says\. /],
    ['a truncated download', () => goodForm.slice(0, Math.floor(goodForm.length / 2)), /^The PDF is incomplete: it stops before its end.*Save the attachment from the email again, or ask the sender to resend it\./],
    ['a damaged file', () => ascii(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`), /^The PDF is damaged and cannot be read\. Ask the sender to save the form as a PDF again/],
    ['a password-protected file', () => encryptedPdf(person), /^The PDF is password-protected.*Ask the sender for a copy without a password/],
  ];

  for (const [what, make, sentence] of cases) {
    it(`refuses ${what}`, async () => {
      const bytes = await make();
      await expect(attach(bytes)).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(sentence) });
      await expect(t.core.handlers['documents.read']({ fileName: 'x.pdf', bytes })).rejects.toMatchObject({ message: expect.stringMatching(sentence) });
      expect(await t.core.handlers['documents.list']({ personId: person.id })).toEqual([]);
      expect(storedFiles()).toEqual([]);
    });
  }

  it('refuses files over the size and page limits set in Settings, and reads them once the limits allow', async () => {
    await t.core.handlers['documents.settings.save']({ maxMegabytes: 1, maxPages: 1 });
    const big = new Uint8Array(1.5 * 1024 * 1024).fill(0x20);
    await expect(attach(big)).rejects.toThrow(/^The file is 1\.5 MB, over the 1 MB limit\. Ask the sender for a smaller copy/);
    await expect(attach(goodForm)).rejects.toThrow(/^The PDF has 2 pages, over the 1-page limit.*Ask the sender for only the signed form/);
    expect(await t.core.handlers['documents.settings.save']({ maxPages: 200, maxMegabytes: 25 })).toEqual({ maxMegabytes: 25, maxPages: 200 });
    expect((await attach(goodForm)).document?.pageCount).toBe(2);
  });
});
