import { sql } from 'kysely';
import type { Question } from '../../../shared/domain/quiz';
import type { Answers, Marks } from '../../../shared/grading';
import type { ReportRow } from '../../../shared/domain/reports';
import { mostMissed, type VersionKey } from './missed-questions';
import { dateFilter, personFilter } from './report-filters.repo';
import { percent, type ReportParts, type ReportQuery } from './report-query';

interface Group {
  agencyId: number;
  agency: string;
  levelId: number;
  accessLevel: string;
  sent: number;
  attempts: number;
  firstAttempts: number;
  firstPassed: number;
}

/** The first attempt a person made at a quiz, as quizzes.stats orders them (taken on, then entered). */
const FIRST = sql`a.id = (SELECT a2.id FROM quiz_attempts a2 WHERE a2.person_id = a.person_id AND a2.quiz_id = a.quiz_id AND a2.voided_at IS NULL ORDER BY a2.taken_on, a2.id LIMIT 1)`;

function rollUp(groups: readonly Group[], key: 'agency' | 'accessLevel'): ReportRow[] {
  const rows = new Map<string, { sent: number; attempts: number; firstAttempts: number; firstPassed: number }>();
  for (const g of groups) {
    const r = rows.get(g[key]) ?? { sent: 0, attempts: 0, firstAttempts: 0, firstPassed: 0 };
    r.sent += g.sent;
    r.attempts += g.attempts;
    r.firstAttempts += g.firstAttempts;
    r.firstPassed += g.firstPassed;
    rows.set(g[key], r);
  }
  return [...rows]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, r]) => ({ [key]: name, ...r, firstPassPct: percent(r.firstPassed, r.firstAttempts) }));
}

/**
 * Training and quizzes: training emails sent (by their date) and quiz attempts (by the day taken,
 * voided ones left out), for the people the filters choose, by agency and by access level (the
 * person's current one); a first attempt is a person's first at that quiz ever, passed or not.
 */
export const trainingQuery: ReportQuery = async (exec, q): Promise<ReportParts> => {
  const people = personFilter(q.filters);
  const [sends, attempts, graded, versions] = await Promise.all([
    exec(sql<{ agencyId: number; levelId: number; sent: number }>`SELECT p.agency_id AS agencyId, p.access_level_id AS levelId, count(*) AS sent
      FROM training_sends s JOIN people p ON p.id = s.person_id WHERE 1 ${people} ${dateFilter(sql`s.sent_at`, q.filters)} GROUP BY 1, 2`),
    exec(sql<{ agencyId: number; levelId: number; attempts: number; firstAttempts: number; firstPassed: number }>`SELECT agencyId, levelId, count(*) AS attempts, sum(first) AS firstAttempts, sum(first AND passed = 1) AS firstPassed
      FROM (SELECT p.agency_id AS agencyId, p.access_level_id AS levelId, a.passed, ${FIRST} AS first
        FROM quiz_attempts a JOIN people p ON p.id = a.person_id WHERE a.voided_at IS NULL ${people} ${dateFilter(sql`a.taken_on`, q.filters)})
      GROUP BY 1, 2`),
    exec(sql<{ quizId: number; versionId: number; answers: string; marks: string }>`SELECT a.quiz_id AS quizId, a.quiz_version_id AS versionId, a.answers, a.marks
      FROM quiz_attempts a JOIN people p ON p.id = a.person_id WHERE a.voided_at IS NULL ${people} ${dateFilter(sql`a.taken_on`, q.filters)}`),
    exec(sql<{ id: number; title: string; passMark: number; questions: string }>`SELECT v.id, q.title, v.pass_mark AS passMark, v.questions FROM quiz_versions v JOIN quizzes q ON q.id = v.quiz_id`),
  ]);
  const [agencies, levels] = await Promise.all([
    exec(sql<{ id: number; name: string }>`SELECT id, name FROM agencies`),
    exec(sql<{ id: number; name: string }>`SELECT id, name FROM access_levels`),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const levelName = new Map(levels.map((l) => [l.id, l.name]));
  const groups = new Map<string, Group>();
  const group = (agencyId: number, levelId: number) => {
    const key = `${agencyId}|${levelId}`;
    const g = groups.get(key) ?? { agencyId, levelId, agency: agencyName.get(agencyId) ?? `#${agencyId}`, accessLevel: levelName.get(levelId) ?? `#${levelId}`, sent: 0, attempts: 0, firstAttempts: 0, firstPassed: 0 };
    groups.set(key, g);
    return g;
  };
  for (const s of sends) group(s.agencyId, s.levelId).sent += s.sent;
  for (const a of attempts) Object.assign(group(a.agencyId, a.levelId), { attempts: a.attempts, firstAttempts: Number(a.firstAttempts), firstPassed: Number(a.firstPassed) });
  const all = [...groups.values()];
  const total = (k: 'sent' | 'attempts' | 'firstAttempts' | 'firstPassed') => all.reduce((n, g) => n + g[k], 0);
  const keys = new Map<number, VersionKey>(versions.map((v) => [v.id, { quizTitle: v.title, passMark: v.passMark, questions: JSON.parse(v.questions) as Question[] }]));
  const missed = mostMissed(graded.map((g) => ({ quizId: g.quizId, versionId: g.versionId, answers: JSON.parse(g.answers) as Answers, marks: JSON.parse(g.marks) as Marks })), keys);
  const byAgency = rollUp(all, 'agency');
  return {
    totals: { sent: total('sent'), attempts: total('attempts'), firstAttempts: total('firstAttempts'), firstPassPct: percent(total('firstPassed'), total('firstAttempts')) },
    sections: [
      { key: 'byAgency', total: byAgency.length, rows: byAgency },
      { key: 'byLevel', total: new Set(all.map((g) => g.levelId)).size, rows: rollUp(all, 'accessLevel') },
      { key: 'missed', total: missed.length, rows: missed.slice(0, q.rowLimit) },
    ],
    chart: byAgency.filter((r) => r.firstPassPct !== null).map((r) => ({ label: String(r.agency), values: { firstPassPct: Number(r.firstPassPct) } })),
  };
};
