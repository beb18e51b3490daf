import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core/create-core';
import { arrangePerson, form } from '../../core/documents/test-support/document-fixtures';
import { emlOf, msgOf } from '../../core/documents/mail/test-support/mail-fixtures';
import { runCli } from '../run-cli';

/** `hmis-desk documents attach` with email messages, and `documents watch --once`, run in-process. */
let dataDir: string;
let inbox: string;
let files: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-mail-'));
  inbox = path.join(dataDir, 'inbox');
  mkdirSync(inbox);
  const core = await createCore({ dataDir, operator: 'cli.test' });
  const ngozi = await arrangePerson(core);
  const rosa = await arrangePerson(core, { firstName: 'Rosa', lastName: 'Diaz' });
  const write = (dir: string, name: string, bytes: Uint8Array) => {
    writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };
  files = {
    eml: write(dataDir, 'Forms for Ngozi.eml', await emlOf({ from: 'James Nguyen <james.nguyen@delta.example.org>', subject: 'Forms for Ngozi', attachments: [{ filename: 'sv.pdf', content: await form(ngozi, { kind: 'staff_verification' }) }, { filename: 'eua.pdf', content: await form(ngozi, { kind: 'end_user_agreement' }) }] })),
    pictures: write(dataDir, 'pictures.msg', msgOf({ attachments: [{ filename: 'a.png', content: 'x', contentType: 'image/png' }] })),
  };
  write(inbox, 'Rosa.msg', msgOf({ from: 'rosa.diaz@delta.example.org', attachments: [{ filename: 'eua.pdf', content: await form(rosa, { kind: 'end_user_agreement' }), contentType: 'application/pdf' }] }));
  write(inbox, 'photo.eml', await emlOf({ attachments: [{ filename: 'a.jpg', content: 'x' }] }));
  await core.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
}

describe('hmis-desk documents and email messages', () => {
  it('attaches the PDFs of a message, one line each with its sender, and refuses a message with none', async () => {
    const result = await run('documents', 'attach', files.eml!, files.pictures!, '--json');
    expect(result.code).toBe(1);
    const [sv, eua, pictures] = result.json() as Record<string, unknown>[];
    expect(sv).toMatchObject({ file: `${files.eml} › sv.pdf`, ok: true, kind: 'staff_verification', personEmail: 'ngozi.okafor@delta.example.org', message: { from: 'james.nguyen@delta.example.org', subject: 'Forms for Ngozi', notes: [] } });
    expect(eua).toMatchObject({ file: `${files.eml} › eua.pdf`, ok: true, kind: 'end_user_agreement' });
    expect(pictures).toMatchObject({ file: files.pictures, ok: false, error: { code: 'invalid', message: 'The email holds no PDF: it holds an image — ask for the signed PDFs.' } });
  });

  it('takes the watched folder once: attaches, refuses with a sidecar, moves each file', async () => {
    const result = await run('documents', 'watch', '--once', '--folder', inbox, '--json');
    expect(result.code).toBe(1);
    const { files: taken } = result.json() as { files: { file: string; outcome: string }[] };
    expect(taken.map((f) => [f.file, f.outcome])).toEqual([
      ['photo.eml', 'refused'],
      ['Rosa.msg', 'attached'],
    ]);
    expect(existsSync(path.join(inbox, 'processed', 'Rosa.msg'))).toBe(true);
    expect(readFileSync(path.join(inbox, 'refused', 'photo.eml.txt'), 'utf8')).toContain('The email holds no PDF: it holds an image — ask for the signed PDFs.');
    const again = await run('documents', 'watch', '--once', '--folder', inbox);
    expect(again).toMatchObject({ code: 0, stdout: `Nothing to take in ${inbox}.\n` });
  });

  it('says how to choose a folder when none is set', async () => {
    const result = await run('documents', 'watch', '--once');
    // Exit code 2: the run was refused as a whole (invalid input), not one file of it.
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No folder is watched. Choose one in Settings → Watch a folder, or give --folder.');
  });
});
