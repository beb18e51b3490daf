import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core/create-core';
import { arrangePerson, form } from '../../core/documents/test-support/document-fixtures';
import { runCli } from '../run-cli';

/** `hmis-desk documents …` run in-process on files in a temp folder. */
let dataDir: string;
let files: Record<string, string>;
let ngoziEmail: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-docs-'));
  const core = await createCore({ dataDir, operator: 'cli.test' });
  const ngozi = await arrangePerson(core);
  ngoziEmail = ngozi.email;
  const stranger = { ...ngozi, email: 'ngozi@home.example.com' };
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(path.join(dataDir, name), bytes);
    return path.join(dataDir, name);
  };
  files = {
    agreement: write('agreement.pdf', await form(ngozi, { kind: 'end_user_agreement' })),
    unsure: write('verification.pdf', await form(stranger, { kind: 'staff_verification', signed: false })),
    notPdf: write('notes.pdf', new TextEncoder().encode('just notes')),
    huge: write('huge scan.pdf', new Uint8Array(0)),
  };
  // 3 GiB on paper, no space on disk (sparse); more than Node could even read into one buffer.
  truncateSync(files.huge!, 3 * 1024 ** 3);
  mkdirSync(path.join(dataDir, 'inbox'));
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

describe('hmis-desk documents', () => {
  it('attaches what it is sure of, reports candidates and refusals, one result per file', async () => {
    const result = await run('documents', 'attach', files.agreement!, files.unsure!, files.notPdf!, '--json');
    expect(result.code).toBe(1);
    const [agreement, unsure, notPdf] = result.json() as Record<string, unknown>[];
    expect(agreement).toMatchObject({ file: files.agreement, ok: true, kind: 'end_user_agreement', personEmail: ngoziEmail, error: null, findings: expect.arrayContaining([expect.objectContaining({ key: 'signature', status: 'ok' })]) });
    expect(unsure).toMatchObject({ ok: false, kind: 'staff_verification', personId: null, candidates: [expect.objectContaining({ email: ngoziEmail })], error: { code: 'not_found' } });
    expect((unsure?.error as { message: string }).message).toMatch(/^Nothing attached: the form does not name anyone on the list with certainty\. Possible: Ngozi Okafor/);
    expect(notPdf).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^This file is not a PDF, whatever its name says/) } });
  });

  it('attaches to the person given, lists their documents and reviews one', async () => {
    const attached = await run('documents', 'attach', files.unsure!, '--person', ngoziEmail, '--json');
    expect(attached.code).toBe(0);
    const [line] = attached.json() as { documentId: number; findings: { key: string; status: string }[] }[];
    expect(line?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'signature', status: 'check' })]));
    const listed = await run('documents', 'list', '--person', ngoziEmail, '--json');
    expect((listed.json() as { kind: string; status: string }[]).map((d) => [d.kind, d.status])).toEqual([
      ['staff_verification', 'in_review'],
      ['end_user_agreement', 'in_review'],
    ]);
    const rejected = await run('documents', 'review', String(line?.documentId), '--reject', 'missing_signature', '--note', 'Sign next to your name.');
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toContain(`Staff Verification #${line?.documentId} of Ngozi Okafor: Rejected. The sender was emailed what to fix`);
    const again = await run('documents', 'review', String(line?.documentId), '--accept');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no longer awaiting review: rejected/);
    expect((await run('documents', 'review', '1')).stderr).toMatch(/Give either --accept or --reject REASON/);
  });

  it('refuses a file over the size limit from its size alone, and a folder, and goes on with the others', async () => {
    const result = await run('documents', 'attach', files.huge!, path.join(dataDir, 'inbox'), files.notPdf!, '--json');
    expect(result.code).toBe(1);
    const [huge, folder, notPdf] = result.json() as Record<string, unknown>[];
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^The file is 3072 MB, over the 25 MB limit\. Ask the sender for a smaller copy/) } });
    expect(folder).toMatchObject({ ok: false, error: { code: 'invalid', message: `${path.join(dataDir, 'inbox')} is a folder. Name a file in it instead.` } });
    expect(notPdf).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^This file is not a PDF/) } });
  });

  it('shows FILE... in its help', async () => {
    expect((await run('documents', 'attach', '--help')).stdout).toContain('Usage: npm run cli -- documents attach FILE... [options]');
  });
});
