import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { createCore } from '../create-core';
import { openSqlite } from '../db/sqlite.repo';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { arrangePerson, form } from './test-support/document-fixtures';

let t: TempCore;
let side: BetterSqlite3.Database;
let person: Person;

beforeEach(async () => {
  t = await tempCore({ documents: { pool: { size: 1 } } });
  side = openSqlite(path.join(t.dataDir, 'hmis.sqlite'));
  person = await arrangePerson(t.core);
});
afterEach(async () => {
  side.close();
  await t.dispose();
});

function storeContents(): string[] {
  const root = path.join(t.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

const attach = (bytes: Uint8Array, who: Person = person, fileName = 'agreement.pdf') => t.core.handlers['documents.attach']({ personId: who.id, fileName, bytes });
const auditCount = () => (side.prepare(`SELECT count(*) AS n FROM audit WHERE action LIKE 'document.%'`).get() as { n: number }).n;

describe('storing documents', () => {
  it('keeps the same file once, and says to whom and when it is already attached', async () => {
    const bytes = await form(person, { kind: 'end_user_agreement' });
    const first = await attach(bytes);
    const other = await arrangePerson(t.core, { firstName: 'Tomás', lastName: 'Herrera' });
    await expect(attach(bytes, person, 'copy.pdf')).rejects.toMatchObject({ code: 'duplicate', message: 'This file is already attached to Ngozi Okafor (HMIS End User Agreement, “agreement.pdf”) on November 28, 2026. Nothing was added.' });
    await expect(attach(bytes, other)).rejects.toMatchObject({ code: 'duplicate' });
    expect(storeContents()).toEqual([first.document?.sha256]);
    expect(auditCount()).toBe(1);
  });

  it('refuses a second form of a kind while the first awaits review or was accepted', async () => {
    await attach(await form(person, { kind: 'staff_verification' }), person, 'sv.pdf');
    await expect(attach(await form(person, { kind: 'staff_verification', date: '11/21/2026' }))).rejects.toMatchObject({
      code: 'conflict',
      message: 'Ngozi Okafor\'s Staff Verification for HMIS Access (“sv.pdf”), attached on November 28, 2026, is still awaiting review. Reject it first if this file should replace it.',
    });
  });

  it('replaces a rejected form with a new upload and keeps the rejected one as history', async () => {
    const rejected = await attach(await form(person, { kind: 'staff_verification', signed: false }), person, 'unsigned.pdf');
    await t.core.handlers['documents.review']({ id: rejected.document!.id, decision: 'reject', reasons: ['missing_signature'] });
    const replacement = await attach(await form(person, { kind: 'staff_verification' }), person, 'signed.pdf');
    expect(replacement.document).toMatchObject({ status: 'in_review', replacesId: rejected.document!.id });
    const list = await t.core.handlers['documents.list']({ personId: person.id });
    expect(list.map((d) => [d.fileName, d.status])).toEqual([
      ['signed.pdf', 'in_review'],
      ['unsigned.pdf', 'replaced'],
    ]);
    expect((await t.core.handlers['people.history']({ id: person.id }))[0]).toMatchObject({ action: 'document.replaced', after: { replacesId: rejected.document!.id } });
    expect(storeContents()).toHaveLength(2);
  });
});

describe('a failure at any step leaves no row and no stray file', () => {
  const expectNothingLeft = async () => {
    expect(await t.core.handlers['documents.list']({ personId: person.id })).toEqual([]);
    expect(auditCount()).toBe(0);
    expect(storeContents()).toEqual([]);
    expect((await t.core.handlers['people.get']({ id: person.id })).stage).toBe('awaiting_documents');
  };

  it('when writing the file fails', async () => {
    const write = t.core.files.write;
    t.core.files.write = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    try {
      await expect(attach(await form(person, { kind: 'end_user_agreement' }))).rejects.toThrow(/ENOSPC/);
    } finally {
      t.core.files.write = write;
    }
    await expectNothingLeft();
  });

  it('when the transaction fails right after the file was written (the document insert)', async () => {
    side.exec(`CREATE TRIGGER fail_document BEFORE INSERT ON documents BEGIN SELECT RAISE(ABORT, 'injected: disk I/O error'); END`);
    await expect(attach(await form(person, { kind: 'end_user_agreement' }))).rejects.toThrow('injected: disk I/O error');
    await expectNothingLeft();
  });

  it('when the transaction fails inside, after the document row (the audit insert)', async () => {
    side.exec(`CREATE TRIGGER fail_audit BEFORE INSERT ON audit WHEN new.action LIKE 'document.%' BEGIN SELECT RAISE(ABORT, 'injected: audit failed'); END`);
    await expect(attach(await form(person, { kind: 'end_user_agreement' }))).rejects.toThrow('injected: audit failed');
    await expectNothingLeft();
  });

  it('when the process dies between the file and the commit: the startup sweep removes the stray file', async () => {
    const kept = await attach(await form(person, { kind: 'end_user_agreement' }));
    // A crash after the write: the file is there, no row names it.
    const stray = await t.core.files.write(await form(person, { kind: 'staff_verification' }));
    const fresh = await t.core.files.write(await form(person, { kind: 'staff_verification', date: '01/02/2027' }));
    const longAgo = (Date.now() - 2 * 3_600_000) / 1000;
    utimesSync(t.core.files.pathOf(stray.sha256), longAgo, longAgo);
    utimesSync(t.core.files.pathOf(kept.document!.sha256), longAgo, longAgo);
    await t.core.close();
    // A file written in the last hour may be another process's, mid-attach: it stays.
    t.core = await createCore({ dataDir: t.dataDir, clock: t.clock, operator: 'test.operator' });
    expect(storeContents().sort()).toEqual([kept.document!.sha256, fresh.sha256].sort());
    expect(await t.core.files.has(stray.sha256)).toBe(false);
  });

  it('keeps the files of training materials through the startup sweep', async () => {
    const handout = new TextEncoder().encode('%PDF-1.7\n% VI-SPDAT quick reference\n%%EOF');
    const catalog = await t.core.handlers['training.materials.save']({
      trainingSet: 'VI-SPDAT', title: 'VI-SPDAT quick reference', kind: 'document', url: null, file: { fileName: 'vi-spdat.pdf', bytes: handout }, removeFile: false, minutes: 5, retired: false,
    });
    const material = catalog.materials.find((m) => m.title === 'VI-SPDAT quick reference');
    const sha = material?.file?.sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const longAgo = (Date.now() - 2 * 3_600_000) / 1000;
    utimesSync(t.core.files.pathOf(sha!), longAgo, longAgo);
    await t.core.close();
    t.core = await createCore({ dataDir: t.dataDir, clock: t.clock, operator: 'test.operator' });
    expect(await t.core.files.has(sha!)).toBe(true);
  });

  it('leaves the store alone in a one-shot process (a CLI command), which must not sweep', async () => {
    const stray = await t.core.files.write(await form(person, { kind: 'staff_verification' }));
    const longAgo = (Date.now() - 2 * 3_600_000) / 1000;
    utimesSync(t.core.files.pathOf(stray.sha256), longAgo, longAgo);
    await t.core.close();
    t.core = await createCore({ dataDir: t.dataDir, clock: t.clock, operator: 'test.operator', documents: { sweepOnStart: false } });
    expect(await t.core.files.has(stray.sha256)).toBe(true);
  });
});
