import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../create-core';
import { arrangePerson, form } from '../documents/test-support/document-fixtures';

const mode = (file: string) => statSync(file).mode & 0o777;
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

// POSIX modes only: Windows keeps the data under the user's own profile folder.
describe.skipIf(process.platform === 'win32')('the data folder is the current user\'s only', () => {
  it('creates the folder 0700 and the database, its WAL and stored files 0600, whatever the umask', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'hmis-perm-'));
    const dataDir = path.join(root, 'data');
    const core = await createCore({ dataDir, operator: 'perm.test' });
    const person = await arrangePerson(core);
    const attached = await core.handlers['documents.attach']({ personId: person.id, fileName: 'agreement.pdf', bytes: await form(person, { kind: 'end_user_agreement' }) });
    expect(attached).toBeTruthy();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'hmis.sqlite'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'hmis.sqlite-wal'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'files'))).toBe(0o700);
    const docs = await core.handlers['documents.list']({ personId: person.id });
    const stored = core.files.pathOf(docs[0]!.sha256);
    expect(mode(path.dirname(stored))).toBe(0o700);
    expect(mode(stored)).toBe(0o600);
    await core.close();
  });

  it('narrows a folder and database an older version left readable by everyone', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'hmis-perm-'));
    const dataDir = path.join(root, 'data');
    await (await createCore({ dataDir, operator: 'perm.test' })).close();
    const { chmodSync } = await import('node:fs');
    chmodSync(dataDir, 0o755);
    chmodSync(path.join(dataDir, 'hmis.sqlite'), 0o644);
    await (await createCore({ dataDir, operator: 'perm.test' })).close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'hmis.sqlite'))).toBe(0o600);
  });
});
