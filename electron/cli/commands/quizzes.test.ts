import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { createCore } from '../../core/create-core';
import { twoTrainees } from '../../core/quizzes/test-support/training-kit';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-quizzes-'));
const CSV = path.resolve(ROOT, 'e2e/fixtures-data/quizzes/google-forms-new-user.csv');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', '--data-dir', dataDir, ...args], { cwd: ROOT, env: { ...process.env, HMIS_DATA_DIR: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  const core = await createCore({ dataDir, clock: fixedClock('2026-11-28T15:00:00.000Z'), operator: 'test' });
  await twoTrainees(core);
  await core.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('hmis-desk quizzes', () => {
  it('lists the quiz bank, and imports responses printing what was graded and what matched nothing', async () => {
    const list = JSON.parse((await cli('quizzes', 'list', '--json')).stdout) as { id: number; title: string }[];
    const newUser = list.find((q) => q.title === 'HMIS New User Quiz');
    const run = await cli('quizzes', 'import-responses', CSV, '--quiz', String(newUser?.id), '--send-results', '--json');
    expect(run.code).toBe(1); // a row and a column matched nothing
    expect(JSON.parse(run.stdout)).toMatchObject({
      graded: 2,
      passed: 1,
      failed: 1,
      unmatchedRows: [{ row: 4, email: 'someone.else@elsewhere.example.org' }],
      unmatchedQuestions: ['How many minutes did the training take you?'],
      resultEmails: 2,
    });
  });

  it('exports a quiz to a file and imports it back as a new quiz', async () => {
    const out = path.join(dataDir, 'quiz.json');
    expect((await cli('quizzes', 'export', '1', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'hmis-access-desk/quiz@1', quiz: { questions: expect.any(Array) } });
    const imported = await cli('quizzes', 'import', out, '--json');
    expect(JSON.parse(imported.stdout)).toMatchObject({ id: 4, version: 1 });
    const missing = await cli('quizzes', 'export', '99', '--out', out);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('No quiz with number 99')]);
  });
});
