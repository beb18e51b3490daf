import BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/contract/events';
import type { Quiz } from '../../../../shared/domain/quiz';
import { basics, tempCore, type TempCore } from '../../test-support/temp-core';
import { call, quizOfKind } from '../test-support/training-kit';

const ROWS = 10_000;
const NOW = '2026-11-28T15:00:00.000Z';

let t: TempCore;
let progress: EventPayload<'progress'>[] = [];
/** Runs once, at the first progress event from inside the import's transaction (after its first slice). */
let duringWrite: (() => void) | null = null;

beforeEach(async () => {
  progress = [];
  t = await tempCore({
    emit: (event, payload) => {
      if (event !== 'progress') return;
      const p = payload as EventPayload<'progress'>;
      progress.push(p);
      if (!p.label.startsWith('Recording') || p.done === 0) return;
      const run = duringWrite;
      duringWrite = null;
      run?.();
    },
  });
});
afterEach(() => t.dispose());

/** `ROWS` trainees on the list (written straight to the file: 10,000 people.create calls would be the test), and their Google Forms export. */
async function traineesAndResponses(): Promise<{ quiz: Quiz; first: number; bytes: Uint8Array }> {
  const { agency, level } = await basics(t.core);
  const quiz = await quizOfKind(t.core, 'new_user');
  const side = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'));
  const insert = side.prepare(`INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, created_at, updated_at) VALUES ('Pat', ?, ?, ?, ?, 'new_user', '2026-11-01', ?, ?)`);
  const ids = side.transaction(() => Array.from({ length: ROWS }, (_, r) => Number(insert.run(`Trainee${r}`, `trainee${r}@delta.example.org`, agency.id, level.id, NOW, NOW).lastInsertRowid)))();
  const first = ids[0] as number;
  side.close();
  const cells = quiz.questions.map((q) => q.correct.map((k) => q.options[k]).join(', '));
  const data = Array.from({ length: ROWS }, (_, r) => [`11/${(r % 27) + 1}/2026 9:${String(r % 60).padStart(2, '0')}:00`, `trainee${r}@delta.example.org`, '10 / 10', ...cells]);
  const csv = Papa.unparse({ fields: ['Timestamp', 'Email Address', 'Score', ...quiz.questions.map((q) => q.text)], data }, { newline: '\r\n' });
  return { quiz, first, bytes: new TextEncoder().encode(csv) };
}

const importAll = (bytes: Uint8Array) => call(t.core, 'quizzes.importResponses', { fileName: 'responses.csv', bytes });

describe('a 10,000-response import does not hold the other calls', () => {
  it('reads issued mid-import finish before it and see no attempt yet; a write waits, then succeeds; afterwards every attempt is there', async () => {
    const { first, bytes } = await traineesAndResponses();
    const order: string[] = [];
    const calls: Promise<unknown>[] = [];
    duringWrite = () => {
      calls.push(call(t.core, 'people.get', { id: first }).then((p) => (order.push('people.get'), p)));
      calls.push(call(t.core, 'quizzes.attempts', {}).then((a) => (order.push('quizzes.attempts'), a)));
      calls.push(call(t.core, 'agencies.create', { name: 'Late Agency' }).then((a) => (order.push('agencies.create'), a)));
    };
    const result = await importAll(bytes).then((r) => (order.push('quizzes.importResponses'), r));
    const [person, attempts, agency] = await Promise.all(calls);

    expect(result).toMatchObject({ graded: ROWS, passed: ROWS });
    expect(order.slice(0, 2).sort()).toEqual(['people.get', 'quizzes.attempts']);
    expect(order.slice(2)).toEqual(['quizzes.importResponses', 'agencies.create']);
    expect(person).toMatchObject({ id: first, email: 'trainee0@delta.example.org' });
    expect(attempts).toMatchObject({ total: 0 });
    expect(agency).toMatchObject({ name: 'Late Agency' });
    expect((await call(t.core, 'quizzes.attempts', {})).total).toBe(ROWS);
  });

  it('reports grading and recording as it goes, up to every response', async () => {
    const { bytes } = await traineesAndResponses();
    await importAll(bytes);
    const recording = progress.filter((p) => p.label === 'Recording responses.csv');
    expect(recording.map((p) => p.done)).toEqual([0, 2_000, 4_000, 6_000, 8_000, 10_000]);
    expect(progress.filter((p) => p.label === 'Grading responses.csv').at(-1)).toMatchObject({ job: 'quizzes.importResponses', done: ROWS, total: ROWS });
  });

  it('stays all-or-nothing: an attempt refused halfway through leaves no attempt or audit row behind', async () => {
    const { first, bytes } = await traineesAndResponses();
    const side = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'));
    side.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON quiz_attempts WHEN NEW.person_id = ${first + 5_000} BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    side.close();
    await expect(importAll(bytes)).rejects.toThrow(/refused for the test/);
    expect((await call(t.core, 'quizzes.attempts', {})).total).toBe(0);
    const check = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'), { readonly: true });
    expect(check.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'quiz.graded'`).get()).toEqual({ n: 0 });
    check.close();
  });
});
