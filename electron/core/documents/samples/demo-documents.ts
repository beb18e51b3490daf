import type { DocumentKind } from '../../../../shared/domain/document';
import { fixedClock, type Clock } from '../../clock';
import type { CoreContext } from '../../context';
import { trainedWithoutDocuments, untrainedWithoutDocuments, type SampleFormFacts } from '../../demo/sample-people.repo';
import type { AttachService } from '../attach-service';
import type { createReviewService } from '../review-service';
import { makeSampleForm, type SampleFormOptions } from './sample-forms';
import { sampleEmailOrigin } from './sample-email';

/** `byEmail`: the person's forms came in one email from their supervisor (kept with them as evidence). */
type Step = { kind: DocumentKind; form?: Partial<SampleFormOptions>; then?: 'accept' | 'reject'; byEmail?: boolean };

/** The attach and review services as of a clock: dated sample forms are attached and reviewed "then". */
type SampleServicesAt = (clock: Clock) => { attach: AttachService; review: ReturnType<typeof createReviewService> };

/**
 * The document stories of the sample office, one entry per new user with no training yet: most
 * forms accepted (those people wait for their training), some waiting for review (one with a
 * problem the reader found, one a scan), one rejected. Everyone else in the sample data who was
 * not sent training has sent nothing yet, which is the usual state of a new list.
 */
const PLAN: Step[][] = [
  [{ kind: 'staff_verification', then: 'accept' }, { kind: 'end_user_agreement', form: { style: 'fields' }, then: 'accept' }],
  [{ kind: 'staff_verification', form: { style: 'fields' }, then: 'accept' }, { kind: 'end_user_agreement', then: 'accept' }],
  [{ kind: 'staff_verification', then: 'accept' }, { kind: 'end_user_agreement', then: 'accept' }],
  [{ kind: 'staff_verification', then: 'accept' }, { kind: 'end_user_agreement', form: { style: 'fields' } }],
  [{ kind: 'staff_verification', byEmail: true }, { kind: 'end_user_agreement', byEmail: true }],
  [{ kind: 'staff_verification', form: { style: 'fields', signed: false } }],
  [{ kind: 'staff_verification', form: { ticked: false }, then: 'reject' }, { kind: 'end_user_agreement', then: 'accept' }],
  [{ kind: 'end_user_agreement', form: { imageOnly: true } }],
];

/** How many new users the document stories need; the training samples leave them out. */
export const DOCUMENT_STORY_PEOPLE = PLAN.length;

/** Everyone sent training: both forms, accepted before the training went out. */
const TRAINED: Step[] = [
  { kind: 'staff_verification', then: 'accept' },
  { kind: 'end_user_agreement', then: 'accept' },
];

const HOUR = 3_600_000;
/** The document stories start this long before now: attached then, reviewed a day after. */
const STORIES_BEFORE_NOW_HOURS = 30;

/**
 * When one person's forms were signed, attached and reviewed: signed the day before `start`, form
 * k attached k hours after it and reviewed a day after that. Undated forms happen now, on the
 * core's own clock; dated ones on a clock of their own, set back to those times.
 */
interface Timeline {
  start: number;
  dated: boolean;
}

const attachedAt = (t: Timeline, k: number) => new Date(t.start + k * HOUR).toISOString();
const reviewedAt = (t: Timeline, k: number) => new Date(t.start + (24 + k) * HOUR).toISOString();

/** The date a supervisor or user writes on the form, MM/DD/YYYY: the day before it came in. */
function signedOn(t: Timeline): string {
  const [y, m, d] = new Date(t.start - 24 * HOUR).toISOString().slice(0, 10).split('-');
  return `${m}/${d}/${y}`;
}

const REJECTION = { decision: 'reject', reasons: ['background_check_not_confirmed'], note: 'Please tick the box in Section 2 and send the form again.' } as const;

async function attachPlanned(servicesAt: SampleServicesAt, ctx: CoreContext, person: SampleFormFacts, steps: Step[], timeline: Timeline): Promise<number> {
  const clock = timeline.dated ? fixedClock(attachedAt(timeline, 0)) : null;
  const { attach, review } = servicesAt(clock ?? ctx.clock);
  const form = { ...person, supervisorName: person.supervisorName ?? 'James Nguyen', supervisorEmail: person.supervisorEmail ?? 'supervisor@example.org' };
  const files = await Promise.all(
    steps.map(async (step) => ({
      bytes: await makeSampleForm({ kind: step.kind, person: form, date: signedOn(timeline), ...step.form }),
      fileName: `${step.kind === 'staff_verification' ? 'Staff Verification' : 'End User Agreement'} - ${person.lastName}.pdf`,
    })),
  );
  const emailed = files.filter((_, k) => steps[k]?.byEmail);
  const origin = emailed.length ? await sampleEmailOrigin({ name: form.supervisorName, address: form.supervisorEmail }, `Signed forms for ${person.firstName} ${person.lastName}`, timeline.dated ? attachedAt(timeline, 0) : ctx.clock.now().toISOString(), emailed) : undefined;
  for (const [k, step] of steps.entries()) {
    const { bytes, fileName } = files[k] as { bytes: Uint8Array; fileName: string };
    clock?.set(attachedAt(timeline, k));
    const { document } = await attach.attach({ personId: person.id, fileName, bytes, kind: step.kind }, step.byEmail ? origin : undefined);
    clock?.set(reviewedAt(timeline, k));
    if (document && step.then === 'accept') await review.review({ id: document.id, decision: 'accept' });
    if (document && step.then === 'reject') await review.review({ ...REJECTION, reasons: [...REJECTION.reasons], id: document.id });
  }
  return steps.length;
}

/**
 * `demo seed`, after its people and training are committed: generated forms attached through the
 * real reader, then reviewed as staff would. The document stories came in yesterday and were
 * reviewed today (a rejection emails the sender then); the forms of people sent training are dated
 * three days before their first send and accepted the day after arriving.
 */
/** People whose forms are made and read at once: enough to keep a 4-worker reader pool busy. */
const SAMPLE_CONCURRENCY = 4;

export async function seedSampleDocuments(ctx: CoreContext, servicesAt: SampleServicesAt): Promise<number> {
  const now = ctx.clock.now().getTime();
  // The document stories came in yesterday and were reviewed this morning: after every registration (a day ago at the latest).
  const stories = (await untrainedWithoutDocuments(ctx.db, PLAN.length)).map((person, i) => ({ person, steps: PLAN[i] ?? [], timeline: { start: now - STORIES_BEFORE_NOW_HOURS * HOUR, dated: true } }));
  const trained = (await trainedWithoutDocuments(ctx.db)).map(({ firstSentAt, ...person }) => ({ person, steps: TRAINED, timeline: { start: Date.parse(firstSentAt) - 72 * HOUR, dated: true } }));
  const everyone = [...stories, ...trained];
  let done = 0;
  // A few people at a time (the reader pool has a worker per core), each person's forms in order,
  // and a turn of the event loop between people: making a form is pdf-lib work in promises only,
  // and fifty of them started at once kept every other call waiting for seconds.
  const queue = everyone.entries();
  const counts: number[] = [];
  const runner = async () => {
    for (const [i, { person, steps, timeline }] of queue) {
      counts[i] = await attachPlanned(servicesAt, ctx, person, steps, timeline);
      ctx.emit('progress', { job: 'demo.seed', label: 'Attaching sample documents', done: (done += 1), total: everyone.length });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: SAMPLE_CONCURRENCY }, runner));
  return counts.reduce((a, b) => a + b, 0);
}
