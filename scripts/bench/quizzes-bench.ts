import Papa from 'papaparse';
import { hash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Quiz } from '../../shared/domain/quiz';
import { grade, type Answers } from '../../shared/grading';
import { fixedClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { readTable, type Table } from '../../electron/core/intake/read-table';
import { listQuizzes } from '../../electron/core/quizzes/quizzes.repo';
import { readResponses } from '../../electron/core/quizzes/responses/read-responses';
import { median, timeAsync, timeSync, type BenchRow } from './bench-types';
import { GENESIS_HASH, rowHash } from '../../electron/core/audit/audit-chain';

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

/**
 * The floor under the database part: the same 10,000 attempt rows and 10,000 audit rows written
 * by better-sqlite3 alone, one prepared multi-row statement each, one transaction, same pragmas
 * (synchronous=FULL), into a copy of the same file.
 */
async function timeRawWrites(templateDir: string, quiz: Quiz, answers: Answers[]): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-quizzes-raw-'));
  cpSync(templateDir, dataDir, { recursive: true });
  const database = openDatabase(path.join(dataDir, 'hmis.sqlite'), NOW);
  try {
    const attemptCols = ['person_id', 'quiz_id', 'quiz_version_id', 'taken_on', 'source', 'answers', 'marks', 'score', 'max_score', 'percent', 'passed', 'response_key', 'graded_at', 'updated_at'];
    // The audit is a hash chain (migration 013): the raw engine numbers and hashes its rows too.
    const auditCols = ['id', 'at', 'operator', 'action', 'entity', 'entity_id', 'after', 'prev_hash', 'hash'];
    const many = (table: string, cols: string[], n: number) => database.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${Array.from({ length: n }, () => `(${cols.map(() => '?').join(', ')})`).join(', ')}`);
    const CHUNK = 400;
    const attemptsSql = many('quiz_attempts', attemptCols, CHUNK);
    const auditSql = many('audit', auditCols, CHUNK);
    const grades = answers.map((a) => grade(quiz, a));
    return timeSync(() =>
      database.sqlite.transaction(() => {
        const tail = database.sqlite.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
        let auditId = tail?.id ?? 0;
        let prevHash = tail?.hash ?? GENESIS_HASH;
        const chainedAudit = (person: number, after: string) => {
          const row = { id: (auditId += 1), at: NOW, operator: 'bench', action: 'quiz.graded', entity: 'person', entity_id: person, before: null, after, note: null };
          const prev = prevHash;
          prevHash = rowHash(prev, row);
          return [row.id, NOW, 'bench', 'quiz.graded', 'person', person, after, prev, prevHash];
        };
        for (let i = 0; i < ROWS; i += CHUNK) {
          const rows = grades.slice(i, i + CHUNK).map((g, k) => ({ person: i + k + 1, g, answers: answers[i + k] }));
          attemptsSql.run(rows.flatMap((r) => [r.person, quiz.id, quiz.versionId, '2026-11-20', 'google_forms', JSON.stringify(r.answers), '{}', r.g.score, r.g.maxScore, r.g.percent, r.g.passed ? 1 : 0, hash('sha256', String(r.person), 'hex'), NOW, NOW]));
          auditSql.run(rows.flatMap((r) => chainedAudit(r.person, JSON.stringify({ attemptId: r.person, quiz: quiz.title, version: quiz.version, percent: r.g.percent, passed: r.g.passed, source: 'google_forms' }))));
        }
      })(),
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchQuizzes(): Promise<BenchRow[]> {
  const { dir, quiz } = await template();
  const { bytes, answers } = googleCsv(quiz);
  const quizzes = await (async () => {
    const database = openDatabase(path.join(dir, 'hmis.sqlite'), NOW);
    try {
      return await listQuizzes(database.db);
    } finally {
      await database.close();
    }
  })();
  const ours: number[] = [];
  const pure: number[] = [];
  const parse: number[] = [];
  const read: number[] = [];
  const inMemory: number[] = [];
  const rawWrites: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      ours.push(await timeImport(dir, bytes));
      pure.push(timeSync(() => answers.forEach((a) => grade(quiz, a))));
      let table: Table | undefined;
      parse.push(await timeAsync(async () => (table = await readTable('responses.csv', bytes))));
      read.push(timeSync(() => readResponses(table as Table, 'responses.csv', quizzes, quiz.id, {})));
      inMemory.push(await timeAsync(async () => readResponses(await readTable('responses.csv', bytes), 'responses.csv', quizzes, quiz.id, {}).rows.forEach((r) => grade(quiz, r.answers))));
      rawWrites.push(await timeRawWrites(dir, quiz, answers));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const n = ROWS.toLocaleString('en-US');
  const g = median(pure);
  const vsGrade = (name: string, ms: number, note: string): BenchRow => ({ name, medianMs: ms, baselineMs: g, ratio: ms / g, note });
  const database = median(ours) - median(inMemory);
  return [
    {
      name: `quizzes.importResponses ${n} Google Forms responses (read, match, grade, one transaction)`,
      medianMs: median(ours),
      baselineMs: g,
      ratio: median(ours) / g,
      goal: '≤ 1 s, ratio ≤ 3',
      note: `${ROUNDS} runs; raw = shared/grading.ts grade() alone over the same ${n} answer sheets`,
    },
    vsGrade(`  of which: CSV parse alone (${(bytes.length / 1e6).toFixed(1)} MB, Papa Parse)`, median(parse), 'intake/read-table.ts readTable(); ratio against grade()'),
    vsGrade('  of which: columns to questions, cells to answers, response keys', median(read), 'quizzes/responses readResponses() on the parsed table'),
    vsGrade('  read, matched and graded in memory (no database)', median(inMemory), 'the three above together: what any import costs before it touches the database'),
    {
      name: `  of which: the database (look-ups, ${n} attempts + ${n} audit rows, commit)`,
      medianMs: database,
      baselineMs: median(rawWrites),
      ratio: database / median(rawWrites),
      note: 'import minus in-memory; raw = the same rows by better-sqlite3 alone, prepared once, one transaction, synchronous=FULL',
    },
  ];
}
