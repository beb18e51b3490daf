import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../../shared/domain/person';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import { arrangePerson, form, formPerson } from '../test-support/document-fixtures';
import { makeSampleForm } from '../samples/sample-forms';
import { emlOf, msgOf } from './test-support/mail-fixtures';

let t: TempCore;
let folder: string;

beforeAll(async () => {
  t = await tempCore({ documents: { pool: { size: 2 } } });
  folder = path.join(t.dataDir, 'incoming');
  mkdirSync(folder);
});
afterAll(() => t.dispose());

const run = () => t.core.handlers['documents.watch.run']({ folder });
const names = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('the watched folder', () => {
  it('refuses a folder that is not there, and saves only one that is', async () => {
    await expect(t.core.handlers['documents.watch.run']({ folder: path.join(folder, 'nope') })).rejects.toThrow(/^The watched folder .*nope cannot be found/);
    await expect(t.core.handlers['documents.watch.save']({ folder: path.join(folder, 'nope') })).rejects.toThrow(/^There is no folder .*nope that this computer can reach/);
    expect(await t.core.handlers['documents.watch.save']({ folder })).toEqual({ folder });
    expect(await t.core.handlers['documents.watch.get']({})).toEqual({ folder });
  });

  it('takes a burst of 200 files: attaches the certain, refuses the rest with a sidecar, attaches a repeated file once', { timeout: 240_000 }, async () => {
    const people: Person[] = [];
    for (let i = 0; i < 40; i += 1) people.push(await arrangePerson(t.core, { firstName: 'Burst', lastName: `Person${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`, email: `burst${i}@delta.example.org` }));
    for (const [i, p] of people.entries()) {
      const sv = await form(p, { kind: 'staff_verification' });
      const eua = await form(p, { kind: 'end_user_agreement' });
      // 40 emails with both forms, 40 Outlook copies of the same PDFs, 40 PDFs sent again alone.
      writeFileSync(path.join(folder, `forms ${i}.eml`), await emlOf({ from: 'James Nguyen <james.nguyen@delta.example.org>', subject: `Forms ${i}`, attachments: [{ filename: 'sv.pdf', content: sv }, { filename: 'eua.pdf', content: eua }] }));
      writeFileSync(path.join(folder, `forms ${i}.msg`), msgOf({ subject: `Forms ${i}`, attachments: [{ filename: 'sv.pdf', content: sv, contentType: 'application/pdf' }] }));
      writeFileSync(path.join(folder, `sv ${i}.pdf`), sv);
      // 40 messages with pictures only, 40 files that are not what their names say.
      writeFileSync(path.join(folder, `photos ${i}.eml`), await emlOf({ attachments: [{ filename: 'a.jpg', content: 'x' }] }));
      writeFileSync(path.join(folder, `notes ${i}.pdf`), `notes ${i}`);
    }
    const result = await run();
    expect(result.files).toHaveLength(200);
    const count = (outcome: string) => result.files.filter((f) => f.outcome === outcome).length;
    // Which copy of a form comes first depends on the readers' timing; each is attached once all the same.
    expect({ kept: count('attached') + count('duplicate'), refused: count('refused'), to_sort: count('to_sort'), waiting: count('waiting') }).toEqual({ kept: 120, refused: 80, to_sort: 0, waiting: 0 });
    expect(result.files.flatMap((f) => f.documentIds)).toHaveLength(80);
    expect(names(folder)).toEqual(['processed', 'refused']);
    expect(names(path.join(folder, 'processed'))).toHaveLength(240);
    expect(names(path.join(folder, 'refused'))).toHaveLength(160);
    for (const p of people) expect((await t.core.handlers['documents.list']({ personId: p.id })).map((d) => d.kind).sort()).toEqual(['end_user_agreement', 'staff_verification']);
    const first = readFileSync(path.join(folder, 'processed', 'forms 0.eml.txt'), 'utf8');
    const eua = result.files.find((f) => f.file === 'forms 0.eml')?.documentIds.at(-1);
    expect(first).toMatch(/^forms 0\.eml\n\nEmail from james\.nguyen@delta\.example\.org, “Forms 0”\.\nsv\.pdf: (attached to|already attached to|This file is already attached to) Burst PersonAA/);
    expect(first).toContain(`eua.pdf: attached to Burst PersonAA as End User Agreement (document #${eua}), awaiting review.\n`);
    expect(readFileSync(path.join(folder, 'processed', 'sv 0.pdf.txt'), 'utf8')).toMatch(/^sv 0\.pdf\n\nsv 0\.pdf: (already attached to Burst PersonAA \(document #\d+\); not added again\.|attached to Burst PersonAA as Staff Verification \(document #\d+\), awaiting review\.|This file is already attached to Burst PersonAA .*)\n$/);
    expect(readFileSync(path.join(folder, 'refused', 'photos 0.eml.txt'), 'utf8')).toBe('photos 0.eml\n\nThe email holds no PDF: it holds an image — ask for the signed PDFs.\n');
    expect(readFileSync(path.join(folder, 'refused', 'notes 0.pdf.txt'), 'utf8')).toMatch(/^notes 0\.pdf\n\nnotes 0\.pdf: This file is not a PDF, whatever its name says/);
  });

  it('puts a form it cannot match with certainty in To sort, where staff choose the person', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Sort', lastName: 'Me' });
    const pdf = await makeSampleForm({ kind: 'end_user_agreement', person: { ...formPerson(person), email: 'someone@elsewhere.example' } });
    writeFileSync(path.join(folder, 'agreement.eml'), await emlOf({ from: 'someone@gmail.com', subject: 'agreement', attachments: [{ filename: 'eua.pdf', content: pdf }] }));
    writeFileSync(path.join(folder, 'agreement again.pdf'), pdf);
    const result = await run();
    expect(result.files.map((f) => [f.file, f.outcome])).toEqual([
      ['agreement again.pdf', 'to_sort'],
      ['agreement.eml', 'to_sort'],
    ]);
    const waiting = await t.core.handlers['documents.toSort.list']({});
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ fileName: expect.stringMatching(/eua\.pdf|agreement again\.pdf/), recognition: { kind: 'end_user_agreement', candidates: [expect.objectContaining({ personId: person.id })] } });
    const attached = await t.core.handlers['documents.toSort.attach']({ id: waiting[0]?.id ?? 0, personId: person.id });
    expect(attached.document).toMatchObject({ personId: person.id, kind: 'end_user_agreement' });
    expect(await t.core.handlers['documents.toSort.list']({})).toEqual([]);
    await expect(t.core.handlers['documents.toSort.attach']({ id: waiting[0]?.id ?? 0, personId: person.id })).rejects.toThrow(/is no longer waiting/);
  });

  it('leaves a file still being written for the next run, then takes it', { timeout: 60_000 }, async () => {
    const person = await arrangePerson(t.core, { firstName: 'Slow', lastName: 'Writer' });
    const eml = await emlOf({ attachments: [{ filename: 'sv.pdf', content: await form(person, { kind: 'staff_verification' }) }] });
    const file = path.join(folder, 'slow.eml');
    const chunk = Math.ceil(eml.length / 12);
    writeFileSync(file, eml.subarray(0, chunk));
    const writing = (async () => {
      for (let at = chunk; at < eml.length; at += chunk) {
        await sleep(300);
        appendFileSync(file, eml.subarray(at, at + chunk));
      }
    })();
    const during = await run();
    expect(during.files).toEqual([{ file: 'slow.eml', outcome: 'waiting', message: 'Still being written: left for the next run.', documentIds: [], toSortIds: [] }]);
    expect(existsSync(file)).toBe(true);
    await writing;
    const after = await run();
    expect(after.files.map((f) => [f.file, f.outcome])).toEqual([['slow.eml', 'attached']]);
    expect((await t.core.handlers['documents.list']({ personId: person.id }))[0]?.message?.fileName).toBe('slow.eml');
  });
});
