import type { TrainingSend } from '../../../shared/domain/quiz-training';
import type { Db } from '../db/open-database';
import { intakeDb } from '../intake/intake-schema';
import { runChunked } from '../quizzes/chunked.repo';
import { trainingDb } from './training-schema';

const CHUNK = 500;

/**
 * For people whose open request is a change of access: the level before it (recorded by intake),
 * so their training email carries only what the new level adds.
 */
export async function previousLevels(db: Db, personIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await runChunked(
    db,
    personIds,
    CHUNK,
    (chunk) =>
      intakeDb(db)
        .selectFrom('person_requests as r')
        .innerJoin('people as p', 'p.id', 'r.person_id')
        .select(['r.person_id', 'r.previous_access_level_id', 'r.id'])
        .where('r.person_id', 'in', chunk)
        .where('p.request_type', '=', 'change_access')
        .where('r.type', '=', 'change_access')
        .where('r.status', 'in', ['open', 'in_progress'])
        .where('r.previous_access_level_id', 'is not', null)
        .orderBy('r.id'),
    (id) => [id],
  );
  // Ordered by id within a chunk, and a person's rows are all in one chunk: the latest open change of access wins.
  return new Map(rows.map((row) => [row.person_id, row.previous_access_level_id as number]));
}

export interface NewSend {
  personId: number;
  accessLevelId: number;
  previousLevelId: number | null;
  materialTitles: string[];
  quizIds: number[];
  mailId: number | null;
}

export async function insertSends(trx: Db, sends: readonly NewSend[], sentAt: string): Promise<void> {
  const t = trainingDb(trx);
  const columns = (s: NewSend) => ({ person_id: s.personId, access_level_id: s.accessLevelId, previous_access_level_id: s.previousLevelId, material_titles: JSON.stringify(s.materialTitles), mail_id: s.mailId, sent_at: sentAt });
  // SQLite's RETURNING follows insertion order for a multi-row VALUES insert into a rowid table.
  const ids = await runChunked(trx, sends, CHUNK, (chunk) => t.insertInto('training_sends').values(chunk.map(columns)).returning('id'), (s) => Object.values(columns(s)));
  const links = sends.flatMap((s, k) => s.quizIds.map((quizId) => ({ send_id: ids[k]?.id as number, quiz_id: quizId })));
  await runChunked(trx, links, CHUNK, (chunk) => t.insertInto('training_send_quizzes').values([...chunk]), (link) => [link.send_id, link.quiz_id]);
}

export async function sendsOf(db: Db, personId: number): Promise<TrainingSend[]> {
  const t = trainingDb(db);
  const rows = await t
    .selectFrom('training_sends as s')
    .innerJoin('access_levels as l', 'l.id', 's.access_level_id')
    .leftJoin('access_levels as pl', 'pl.id', 's.previous_access_level_id')
    .select(['s.id', 's.person_id', 'l.name as level', 'pl.name as previous', 's.material_titles', 's.mail_id', 's.sent_at'])
    .where('s.person_id', '=', personId)
    .orderBy('s.sent_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  const links = rows.length ? await t.selectFrom('training_send_quizzes').selectAll().where('send_id', 'in', rows.map((r) => r.id)).execute() : [];
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    accessLevelName: r.level,
    previousLevelName: r.previous,
    materialTitles: JSON.parse(r.material_titles) as string[],
    quizIds: links.filter((l) => l.send_id === r.id).map((l) => l.quiz_id),
    mailId: r.mail_id,
    sentAt: r.sent_at,
  }));
}
