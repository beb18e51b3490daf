import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import type { Person } from '../../../shared/domain/person';
import { STAGES, type Stage } from '../../../shared/workflow';
import { tempCore, type TempCore } from '../test-support/temp-core';

/**
 * `demo seed` tells one story: whatever a screen shows of a sample person happened in order,
 * between their registration and now, and every message in the outbox is one their stage explains.
 * These read the sample office only through the calls the screens make.
 */

let t: TempCore;
let people: Person[];
let now: string;
beforeAll(async () => {
  t = await tempCore();
  now = t.clock.now().toISOString();
  await t.core.handlers['demo.seed']({ people: 150 });
  people = (await t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 500 })).items;
}, 120_000);
afterAll(() => t.dispose());

/** Every dated fact of a person the screens show, as [what, when] (instants, or dates at their start). */
async function factsOf(person: Person): Promise<[string, string][]> {
  const id = person.id;
  const [documents, sends, attempts, credentials, recert, mail] = await Promise.all([
    t.core.handlers['documents.list']({ personId: id }),
    t.core.handlers['training.history']({ personId: id }),
    t.core.handlers['quizzes.attempts']({ personId: id, filter: 'all', offset: 0, limit: 100 }),
    t.core.handlers['credentials.list']({ personId: id }),
    t.core.handlers['recert.summary']({ personId: id }),
    t.core.handlers['mail.list']({ personId: id, offset: 0, limit: 100 }),
  ]);
  return [
    ...documents.flatMap((d): [string, string][] => [[`${d.kind} attached`, d.uploadedAt], ...(d.reviewedAt ? [[`${d.kind} ${d.status}`, d.reviewedAt] as [string, string]] : [])]),
    ...sends.map((s): [string, string] => ['training sent', s.sentAt]),
    ...attempts.items.flatMap((a): [string, string][] => [['quiz graded', a.gradedAt], ['quiz taken', a.takenOn], ...(a.resultsSentAt ? [['results sent', a.resultsSentAt] as [string, string]] : [])]),
    ...credentials.flatMap((c): [string, string][] => [['credentials issued', c.issuedAt], ['certified', c.certifiedOn]]),
    ...recert.history.map((c): [string, string] => ['certification recorded', c.recordedAt]),
    ...(recert.deactivatedOn ? [['deactivated', recert.deactivatedOn] as [string, string]] : []),
    ...mail.items.map((m): [string, string] => [`${m.template} email`, m.createdAt]),
  ];
}

const registrationOf = (history: AuditEntry[]) => history.find((e) => e.action === 'person.registered');

describe('every sample person’s story happens in order, before now', () => {
  it('starts with the registration, on the registration date, and nothing of theirs comes before it or after now', async () => {
    expect(people).toHaveLength(150);
    for (const person of people) {
      const history = await t.core.handlers['people.history']({ id: person.id });
      const registered = registrationOf(history);
      expect(registered, person.email).toBeDefined();
      const at = registered?.at ?? '';
      // The registration of a person registered twice (the intake sample) names the same day.
      expect(at.slice(0, 10), person.email).toBe(person.registeredOn);
      // The history lists newest first; the registration is its last (oldest) entry.
      expect(history.at(-1)?.action, person.email).toBe('person.registered');
      for (const e of history) expect([e.action, e.at >= at && e.at <= now], person.email).toEqual([e.action, true]);
      for (const [what, when] of await factsOf(person)) {
        // Dates (quiz taken, certified) compare by day: on or after the registration day.
        const from = when.length === 10 ? person.registeredOn : at;
        expect([what, when >= from && when <= now], `${person.email}: ${what} ${when}, registered ${at}`).toEqual([what, true]);
      }
    }
  });

  it('reads in the order of the process: forms accepted before training, passed before credentials, certified before any lapse', async () => {
    let certified = 0;
    for (const person of people) {
      const history = (await t.core.handlers['people.history']({ id: person.id })).slice().reverse();
      const first = (action: string) => history.find((e) => e.action === action)?.at;
      const last = (action: string) => history.filter((e) => e.action === action).at(-1)?.at;
      const sent = first('training.sent');
      const issued = first('credentials.issued');
      if (sent) expect(last('document.accepted') ?? '', `${person.email}: training before both forms were accepted`).not.toBe('');
      if (sent) expect((last('document.accepted') ?? '') < sent, person.email).toBe(true);
      if (issued) {
        certified += 1;
        const passes = (await t.core.handlers['quizzes.attempts']({ personId: person.id, filter: 'all', offset: 0, limit: 100 })).items.filter((a) => a.passed);
        expect(passes.length, person.email).toBeGreaterThan(0);
        expect(passes.every((a) => (sent ?? '') < a.gradedAt && a.gradedAt <= issued), person.email).toBe(true);
      }
      const deactivated = first('recert.deactivated');
      if (deactivated) expect(issued !== undefined && issued < deactivated, person.email).toBe(true);
      // Each document's review follows its own attach.
      for (const doc of await t.core.handlers['documents.list']({ personId: person.id })) {
        if (doc.reviewedAt) expect(doc.uploadedAt < doc.reviewedAt, `${person.email}: ${doc.fileName}`).toBe(true);
      }
    }
    expect(certified).toBeGreaterThan(30);
  });
});

describe('the sample office has someone in every place', () => {
  it('has people in every stage', async () => {
    const counts: Partial<Record<Stage, number>> = {};
    for (const stage of STAGES) counts[stage] = (await t.core.handlers['people.list']({ stage, sort: 'name', direction: 'asc', offset: 0, limit: 1 })).total;
    expect(Object.entries(counts).filter(([, n]) => n === 0).map(([stage]) => stage)).toEqual([]);
  });

  it('has a lapse queue, overdue and due people on the recertification lists', async () => {
    expect((await t.core.handlers['recert.deactivations']({ offset: 0, limit: 10 })).total).toBeGreaterThan(0);
    for (const status of ['due_soon', 'due', 'overdue', 'lapsed'] as const) {
      const due = await t.core.handlers['recert.due']({ statuses: [status], offset: 0, limit: 5 });
      expect(due.total, status).toBeGreaterThan(0);
    }
  });

  it('gives the sample roster every kind of finding', async () => {
    const sample = await t.core.handlers['roster.sample']({});
    const report = await t.core.handlers['roster.check']({ fileName: sample.fileName, bytes: sample.bytes });
    expect(Object.entries(report.counts).filter(([, n]) => n === 0).map(([kind]) => kind)).toEqual([]);
  });

  it('keeps the PDF of every document in the file store', async () => {
    let documents = 0;
    for (const person of people) {
      for (const doc of await t.core.handlers['documents.list']({ personId: person.id })) {
        const file = await t.core.handlers['documents.file']({ id: doc.id });
        expect(new TextDecoder().decode(file.bytes.slice(0, 5)), doc.fileName).toBe('%PDF-');
        documents += 1;
      }
    }
    expect(documents).toBeGreaterThan(60);
  });
});

/** Where a person must stand for each kind of message to be theirs. */
const TRAINED: Stage[] = ['training_sent', 'quiz_passed', 'active', 'recert_due_soon', 'recert_due', 'recert_overdue', 'lapsed', 'deactivated'];
const STAGES_FOR: Partial<Record<MailTemplateKey, Stage[]>> = {
  training_links: TRAINED,
  quiz_result: TRAINED,
  retake_request: ['training_sent'],
  credentials: ['active', 'recert_due_soon', 'recert_due', 'recert_overdue', 'lapsed', 'deactivated'],
  recert_reminder: ['recert_due_soon', 'recert_due'],
  overdue_notice: ['recert_overdue', 'lapsed'],
  deactivation_notice: ['deactivated'],
  document_rejected: ['documents_rejected', 'documents_in_review'],
  documents_reminder: ['awaiting_documents', 'documents_rejected', 'documents_in_review'],
};

describe('the sample outbox', () => {
  it('lists its messages in the order they were written, each one matching where its person stands', async () => {
    const outbox = await t.core.handlers['mail.list']({ offset: 0, limit: 500 });
    expect(outbox.items.length).toBeGreaterThanOrEqual(4);
    const times = outbox.items.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const stageOf = new Map(people.map((p) => [p.id, p.stage]));
    for (const m of outbox.items) {
      expect(m.personId, m.subject).not.toBeNull();
      const stage = stageOf.get(m.personId ?? 0) as Stage;
      expect({ template: m.template, stage, fits: (STAGES_FOR[m.template] ?? []).includes(stage) }, m.subject).toEqual({ template: m.template, stage, fits: true });
      expect(m.createdAt <= now, m.subject).toBe(true);
      if (m.sentAt) expect(m.createdAt <= m.sentAt && m.sentAt <= now, m.subject).toBe(true);
    }
  });

  it('says nothing of a mail server when none is set: no failures, no server replies, no host names', async () => {
    expect((await t.core.handlers['mail.settings.get']({})).host ?? '').toBe('');
    const outbox = await t.core.handlers['mail.list']({ offset: 0, limit: 500 });
    expect(outbox.items.filter((m) => m.status === 'failed')).toEqual([]);
    for (const summary of outbox.items) {
      const m = await t.core.handlers['mail.get']({ id: summary.id });
      expect(JSON.stringify(m), m.subject).not.toMatch(/smtp|:587|:465|\b250 2\.0\.0|\b5\d\d 5\.\d\.\d/i);
    }
  });
});
