import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../shared/domain/document';
import type { Quiz } from '../../../shared/domain/quiz';
import { grade } from '../../../shared/grading';
import type { AuditWrite } from '../audit/audit.repo';
import type { Db } from '../db/open-database';
import { listQuizzes } from '../quizzes/quizzes.repo';
import { listLevelTraining, listMaterials } from '../training/catalog.repo';
import { planTraining } from '../training/training-plan';
import { sampleFile, type SampleFile, type SampleForm } from './sample-files';
import type { SampleAttempt, SampleFacts, SamplePerson } from './story-facts.repo';
import type { PersonStory } from './story-plan';
import type { PersonRow } from '../people/people.repo';

/**
 * Turns planned stories into rows: the facts, their audit entries (the person's history, each at
 * the moment it happened) and the forms' files. What a level's training sends and what a passing
 * sheet of its quizzes holds is worked out once per level, not once per person.
 */

interface GradedSheet {
  answers: string;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
}

interface LevelStory {
  materials: string[];
  quizzes: { quiz: Quiz; pass: GradedSheet; fail: GradedSheet }[];
}

export type StoryCatalog = Map<number, LevelStory>;

function sheet(quiz: Quiz, wrong: number): GradedSheet {
  const answers = Object.fromEntries(quiz.questions.map((q, i) => [q.id, { choices: i < wrong ? [q.correct[0] === 0 ? 1 : 0] : [...q.correct] }]));
  const g = grade(quiz, answers);
  return { answers: JSON.stringify(answers), score: g.score, maxScore: g.maxScore, percent: g.percent, passed: g.passed === true };
}

/** Each access level's training and quizzes, from the catalog as it is: levels with nothing to send certify no one. */
export async function storyCatalog(db: Db): Promise<StoryCatalog> {
  const [levels, materials, quizzes] = await Promise.all([listLevelTraining(db), listMaterials(db), listQuizzes(db)]);
  const catalog = { levels: new Map(levels.map((l) => [l.id, l])), materials, quizzes: new Map(quizzes.map((q) => [q.id, q])) };
  const out: StoryCatalog = new Map();
  for (const level of levels) {
    const plan = planTraining({ id: 0, name: '', email: '', accessLevelId: level.id }, null, catalog);
    const levelQuizzes = plan.quizzes.map((q) => catalog.quizzes.get(q.id)).filter((q): q is Quiz => q !== undefined);
    if (plan.problem || levelQuizzes.length === 0) continue;
    const stories = levelQuizzes.map((quiz) => ({ quiz, pass: sheet(quiz, 0), fail: sheet(quiz, Math.ceil(quiz.questions.length / 2)) }));
    if (stories.some((s) => !s.pass.passed || s.fail.passed)) continue;
    out.set(level.id, { materials: plan.materials.map((m) => m.title), quizzes: stories });
  }
  return out;
}

const asciiSlug = (text: string) => text.normalize('NFD').replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
const KINDS: readonly DocumentKind[] = ['staff_verification', 'end_user_agreement'];
const fileNameOf = (kind: DocumentKind, lastName: string) => `${kind === 'staff_verification' ? 'Staff Verification' : 'End User Agreement'} - ${lastName}.pdf`;

export interface PlannedPerson {
  row: PersonRow;
  story: PersonStory;
  /** Set when the sample registration has something to say (a possible duplicate). */
  registrationNote?: string;
}

/** The forms' files of a chunk, before it is written: named by what is unique to each person (the email). */
export function storyFiles(people: readonly PlannedPerson[], forms: Record<DocumentKind, SampleForm>, catalog: StoryCatalog): Map<string, SampleFile> {
  const files = new Map<string, SampleFile>();
  for (const { row, story } of people) {
    if (!story.certified || !catalog.has(row.accessLevelId)) continue;
    for (const kind of KINDS) files.set(`${row.email}|${kind}`, sampleFile(forms[kind], row.email, kind));
  }
  return files;
}

export interface ChunkRows {
  facts: SampleFacts;
  audit: (documentIds: readonly number[]) => AuditWrite[];
}

/** Everything one chunk writes, numbered from `ids` (the tables' next free ids). */
export function storyRows(
  people: readonly PlannedPerson[],
  ids: { person: number; send: number; attempt: number },
  files: Map<string, SampleFile>,
  forms: Record<DocumentKind, SampleForm>,
  catalog: StoryCatalog,
  operator: string,
): ChunkRows {
  const facts: SampleFacts = { people: [], documents: [], sends: [], attempts: [], credentials: [], deactivations: [] };
  const later: ((documentIds: readonly number[], audit: AuditWrite[]) => void)[] = [];
  const audit: AuditWrite[] = [];
  const entry = (at: string, personId: number, action: string, after: Record<string, unknown>, extra: Partial<AuditWrite> = {}): AuditWrite => ({
    at,
    operator,
    action,
    entity: 'person',
    entityId: personId,
    after,
    note: 'Sample data',
    ...extra,
  });
  let nextSend = ids.send;
  let nextAttempt = ids.attempt;
  for (const [i, { row, story, registrationNote }] of people.entries()) {
    const id = ids.person + i;
    const level = story.certified ? catalog.get(row.accessLevelId) : undefined;
    const c = level ? story.certified : null;
    const person: SamplePerson = { ...row, id, createdAt: story.registeredAt, updatedAt: c ? (c.deactivated?.at ?? c.credentialsIssuedAt) : story.registeredAt };
    facts.people.push(person);
    audit.push(entry(story.registeredAt, id, 'person.registered', { ...row }, registrationNote ? { note: registrationNote } : {}));
    if (!c || !level) continue;
    for (const [k, kind] of KINDS.entries()) {
      const file = files.get(`${row.email}|${kind}`) as SampleFile;
      const fileName = fileNameOf(kind, row.lastName);
      const at = { uploadedAt: c.attachedAt[k] as string, reviewedAt: c.acceptedAt[k] as string };
      const index = facts.documents.push({ personId: id, kind, fileName, sha256: file.sha256, size: file.bytes.byteLength, pageCount: forms[kind].pageCount, ...at }) - 1;
      later.push((documentIds, out) => {
        const documentId = documentIds[index] as number;
        out.push(entry(at.uploadedAt, id, 'document.attached', { fileName, documentId }, { note: DOCUMENT_KIND_LABELS[kind] }));
        out.push(entry(at.reviewedAt, id, 'document.accepted', { status: 'accepted' }, { before: { status: 'in_review' }, note: `${DOCUMENT_KIND_LABELS[kind]} (document #${documentId}, ${fileName})` }));
      });
    }
    const quizIds = level.quizzes.map((q) => q.quiz.id);
    facts.sends.push({ id: nextSend++, personId: id, accessLevelId: row.accessLevelId, materialTitles: JSON.stringify(level.materials), quizIds, sentAt: c.trainingSentAt });
    audit.push(entry(c.trainingSentAt, id, 'training.sent', { materials: level.materials, quizzes: quizIds, mailId: null }));
    const graded = (quiz: Quiz, s: GradedSheet, at: string): SampleAttempt => {
      const a = { id: nextAttempt++, personId: id, quizId: quiz.id, quizVersionId: quiz.versionId, takenOn: at.slice(0, 10), ...s, gradedAt: at };
      audit.push(entry(at, id, 'quiz.graded', { attemptId: a.id, quiz: quiz.title, version: quiz.version, percent: s.percent, passed: s.passed, source: 'google_forms' }));
      return a;
    };
    const first = level.quizzes[0];
    if (c.retakeAt && first) facts.attempts.push(graded(first.quiz, first.fail, c.retakeAt));
    const times = c.passedAt(level.quizzes.length);
    const passes = level.quizzes.map((q, k) => graded(q.quiz, q.pass, times[k] as string));
    facts.attempts.push(...passes);
    const lastPass = passes.at(-1) as SampleAttempt;
    const username = `${asciiSlug(row.firstName).slice(0, 1)}${asciiSlug(row.lastName)}${id}`;
    facts.credentials.push({ personId: id, username, certifiedOn: lastPass.takenOn, attemptId: lastPass.id, issuedAt: c.credentialsIssuedAt });
    audit.push(entry(c.credentialsIssuedAt, id, 'credentials.issued', { username, certifiedOn: lastPass.takenOn, attemptId: lastPass.id, newPassword: true, mailId: null }));
    if (c.deactivated) {
      facts.deactivations.push({ personId: id, deactivatedOn: c.deactivated.on, confirmedAt: c.deactivated.at });
      audit.push(entry(c.deactivated.at, id, 'recert.deactivated', { reason: 'lapsed', deactivatedOn: c.deactivated.on, deactivatedBy: operator, mailId: null }));
    }
  }
  return {
    facts,
    audit: (documentIds) => {
      const out = [...audit];
      for (const add of later) add(documentIds, out);
      return out;
    },
  };
}
