import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/open-database';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';
import { insertAttempts, type NewAttempt } from './attempts.repo';
import { runChunked } from './chunked.repo';
import { perfectAnswers, quizOfKind } from './test-support/training-kit';

let t: TempCore;
let side: OpenDatabase;
const NOW = '2026-11-28T15:00:00.000Z';
beforeEach(async () => {
  t = await tempCore();
  side = openDatabase(path.join(t.dataDir, 'hmis.sqlite'), NOW);
});
afterEach(async () => {
  await side.close();
  await t.dispose();
});

const agencyRow = (name: string) => ({ name, created_at: NOW, updated_at: NOW });

describe('runChunked: one statement shape, compiled once, over many chunks', () => {
  it('compiles once per chunk size when the parameters line up, and writes every row as given', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `Agency ${String(i).padStart(2, '0')}`);
    let builds = 0;
    const ids = await runChunked(
      side.db,
      names,
      10,
      (chunk) => {
        builds += 1;
        return side.db.insertInto('agencies').values(chunk.map(agencyRow)).returning('id');
      },
      (name) => Object.values(agencyRow(name)),
    );
    expect(builds).toBe(2); // 10 and 5: the second chunk of 10 reused the first one's SQL
    expect(ids).toHaveLength(25);
    const rows = await side.db.selectFrom('agencies').select(['id', 'name']).where('name', 'like', 'Agency %').orderBy('id').execute();
    expect(rows.map((r) => r.name)).toEqual(names);
    expect(rows.map((r) => r.id)).toEqual(ids.map((r) => r.id));
  });

  it('falls back to compiling every chunk when the parameters do not line up: slower, never wrong', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `Wrong order ${i}`);
    let builds = 0;
    await runChunked(
      side.db,
      names,
      10,
      (chunk) => {
        builds += 1;
        return side.db.insertInto('agencies').values(chunk.map(agencyRow)).returning('id');
      },
      (name) => [NOW, NOW, name], // not the order the statement binds
    );
    expect(builds).toBe(3);
    const rows = await side.db.selectFrom('agencies').select('name').where('name', 'like', 'Wrong order %').orderBy('id').execute();
    expect(rows.map((r) => r.name)).toEqual(names);
  });

  it('inserts an import of attempts across several chunks in order, ids matching rows', async () => {
    const { agency, level } = await basics(t.core);
    const quiz = await quizOfKind(t.core, 'new_user');
    const people = await Promise.all(
      [0, 1, 2].map((i) => t.core.handlers['people.create']({ firstName: 'P', lastName: `N${i}`, email: `p${i}@x.example.org`, agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' })),
    );
    const attempts: NewAttempt[] = Array.from({ length: 950 }, (_, i) => ({
      personId: people[i % 3]?.id ?? 0,
      quizId: quiz.id,
      quizVersionId: quiz.versionId,
      takenOn: '2026-11-20',
      source: 'google_forms',
      answers: perfectAnswers(quiz),
      marks: {},
      grade: { score: i % 11, maxScore: 10 + (i % 3), percent: i % 100, passed: i % 2 === 0 },
      responseKey: i.toString(16).padStart(64, '0'),
    }));
    const ids = await side.db.transaction().execute((trx) => insertAttempts(trx, attempts, NOW));
    expect(ids).toHaveLength(950);
    const rows = await side.sqlite.prepare('SELECT id, person_id, score, max_score, passed, response_key FROM quiz_attempts ORDER BY id').all();
    expect(rows).toEqual(
      attempts.map((a, i) => ({ id: ids[i], person_id: a.personId, score: a.grade.score, max_score: a.grade.maxScore, passed: a.grade.passed ? 1 : 0, response_key: a.responseKey })),
    );
  });
});
