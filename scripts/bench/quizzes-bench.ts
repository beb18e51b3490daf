import Papa from 'papaparse';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Quiz } from '../../shared/domain/quiz';
import { grade, type Answers } from '../../shared/grading';
import { fixedClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { readTable } from '../../electron/core/intake/read-table';
import { readResponses } from '../../electron/core/quizzes/responses/read-responses';
import { median, timeAsync, timeSync, type BenchRow } from './bench-types';

const ROWS = Number(process.env.BENCH_QUIZ_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_QUIZ_ROUNDS ?? 5);
const NOW = '2026-11-28T15:00:00.000Z';

/** Every response gets some questions wrong, in a pattern, so passes, fails and missed lists all occur. */
function choicesFor(quiz: Quiz, row: number): number[][] {
  return quiz.questions.map((q, i) => {
    if ((row + i) % 7 !== 0) return q.correct;
    const wrong = q.options.findIndex((_, k) => !q.correct.includes(k));
    return q.type === 'multiple' ? [q.correct[0] ?? 0] : [wrong];
  });
}

/** A Google Forms export of ROWS responses: Timestamp, Email Address, "n / 10" Score, one column per question. */
function googleCsv(quiz: Quiz): { bytes: Uint8Array; answers: Answers[] } {
  const answers: Answers[] = [];
  const data = Array.from({ length: ROWS }, (_, r) => {
    const choices = choicesFor(quiz, r);
    answers.push(Object.fromEntries(quiz.questions.map((q, i) => [q.id, { choices: choices[i] ?? [] }])));
    const cells = quiz.questions.map((q, i) => (choices[i] ?? []).map((k) => q.options[k]).join(', '));
    return [`11/${(r % 27) + 1}/2026 9:${String(r % 60).padStart(2, '0')}:00`, `trainee${r}@agency${r % 12}.example.org`, '8 / 10', ...cells];
  });
  const csv = Papa.unparse({ fields: ['Timestamp', 'Email Address', 'Score', ...quiz.questions.map((q) => q.text)], data }, { newline: '\r\n' });
  return { bytes: new TextEncoder().encode(`\uFEFF${csv}\r\n`), answers };
}

/** A data folder with the trainees on the list, made once and copied for each run. */
async function template(): Promise<{ dir: string; quiz: Quiz }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-quizzes-'));
  const core = await createCore({ dataDir: dir, clock: fixedClock(NOW), operator: 'bench' });
  const agency = await core.handlers['agencies.create']({ name: 'River City Outreach' });
  const level = (await core.handlers['accessLevels.list']({}))[0];
  const quiz = (await core.handlers['quizzes.list']({})).find((q) => q.kind === 'new_user') as Quiz;
  await core.close();
  const database = openDatabase(path.join(dir, 'hmis.sqlite'), NOW);
  const insert = database.sqlite.prepare(
    `INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, created_at, updated_at) VALUES ('Pat', ?, ?, ?, ?, 'new_user', '2026-11-01', ?, ?)`,
  );
  database.sqlite.transaction(() => {
    for (let r = 0; r < ROWS; r += 1) insert.run(`Trainee${r}`, `trainee${r}@agency${r % 12}.example.org`, agency.id, level?.id, NOW, NOW);
  })();
  await database.close();
  return { dir, quiz };
}

async function timeImport(templateDir: string, bytes: Uint8Array): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-quizzes-run-'));
  cpSync(templateDir, dataDir, { recursive: true });
  const core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
  try {
    let graded = 0;
    const ms = await timeAsync(async () => {
      graded = (await core.handlers['quizzes.importResponses']({ fileName: 'responses.csv', bytes, columns: {}, rows: {}, sendResults: false })).graded;
    });
    if (graded !== ROWS) throw new Error(`Expected ${ROWS} graded, got ${graded}`);
    return ms;
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchQuizzes(): Promise<BenchRow[]> {
  const { dir, quiz } = await template();
  const { bytes, answers } = googleCsv(quiz);
  const ours: number[] = [];
  const pure: number[] = [];
  const inMemory: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      ours.push(await timeImport(dir, bytes));
      pure.push(timeSync(() => answers.forEach((a) => grade(quiz, a))));
      inMemory.push(await timeAsync(async () => readResponses(await readTable('responses.csv', bytes), 'responses.csv', [quiz], quiz.id, {}).rows.forEach((r) => grade(quiz, r.answers))));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const n = ROWS.toLocaleString('en-US');
  return [
    {
      name: `quizzes.importResponses ${n} Google Forms responses (read, match, grade, one transaction)`,
      medianMs: median(ours),
      baselineMs: median(pure),
      ratio: median(ours) / median(pure),
      goal: '≤ 1 s, ratio ≤ 3',
      note: `${ROUNDS} runs; raw = shared/grading.ts grade() alone over the same ${n} answer sheets`,
    },
    {
      name: `  the same file read, matched and graded in memory (no database)`,
      medianMs: median(inMemory),
      baselineMs: median(pure),
      ratio: median(inMemory) / median(pure),
      note: 'CSV parsing and answer matching; the rest of the import is the database write',
    },
  ];
}
