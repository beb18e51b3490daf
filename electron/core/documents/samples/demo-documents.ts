import type { DocumentKind } from '../../../../shared/domain/document';
import type { CoreContext } from '../../context';
import type { AttachService } from '../attach-service';
import { documentDb } from '../documents-schema';
import type { createReviewService } from '../review-service';
import { makeSampleForm, type SampleFormOptions } from './sample-forms';

type Step = { kind: DocumentKind; form?: Partial<SampleFormOptions>; then?: 'accept' | 'reject' };

/**
 * What the sample office's documents look like, one entry per sample person: most forms accepted,
 * some waiting for review (one with a problem the reader found, one a scan), one rejected.
 * Everyone else in the sample data has sent nothing yet, which is the usual state of a new list.
 */
const PLAN: Step[][] = [
  [{ kind: 'staff_verification', then: 'accept' }, { kind: 'end_user_agreement', form: { style: 'fields' }, then: 'accept' }],
  [{ kind: 'staff_verification', form: { style: 'fields' }, then: 'accept' }, { kind: 'end_user_agreement', then: 'accept' }],
  [{ kind: 'staff_verification', then: 'accept' }, { kind: 'end_user_agreement', then: 'accept' }],
  [{ kind: 'staff_verification', then: 'accept' }, { kind: 'end_user_agreement', form: { style: 'fields' } }],
  [{ kind: 'staff_verification' }, { kind: 'end_user_agreement' }],
  [{ kind: 'staff_verification', form: { style: 'fields', signed: false } }],
  [{ kind: 'staff_verification', form: { ticked: false }, then: 'reject' }, { kind: 'end_user_agreement', then: 'accept' }],
  [{ kind: 'end_user_agreement', form: { imageOnly: true } }],
];

interface SamplePerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  agencyName: string;
  accessLevelName: string;
  supervisorName: string | null;
  supervisorEmail: string | null;
}

async function samplePeople(ctx: CoreContext, count: number): Promise<SamplePerson[]> {
  return documentDb(ctx.db)
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('access_levels as l', 'l.id', 'p.access_level_id')
    .select(['p.id', 'p.first_name as firstName', 'p.last_name as lastName', 'p.email', 'a.name as agencyName', 'l.name as accessLevelName', 'p.supervisor_name as supervisorName', 'p.supervisor_email as supervisorEmail'])
    .where('p.request_type', '=', 'new_user')
    .where('p.email', 'like', '%.example.org')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('documents as d').select('d.id').whereRef('d.person_id', '=', 'p.id'))))
    .orderBy('p.id')
    .limit(count)
    .execute();
}

const REJECTION = { decision: 'reject', reasons: ['background_check_not_confirmed'], note: 'Please tick the box in Section 2 and send the form again.' } as const;

async function attachPlanned(attach: AttachService, review: ReturnType<typeof createReviewService>, person: SamplePerson, steps: Step[]): Promise<number> {
  const form = { ...person, supervisorName: person.supervisorName ?? 'James Nguyen', supervisorEmail: person.supervisorEmail ?? 'supervisor@example.org' };
  for (const step of steps) {
    const bytes = await makeSampleForm({ kind: step.kind, person: form, date: '11/02/2026', ...step.form });
    const fileName = `${step.kind === 'staff_verification' ? 'Staff Verification' : 'End User Agreement'} - ${person.lastName}.pdf`;
    const { document } = await attach.attach({ personId: person.id, fileName, bytes, kind: step.kind });
    if (document && step.then === 'accept') await review.review({ id: document.id, decision: 'accept' });
    if (document && step.then === 'reject') await review.review({ ...REJECTION, reasons: [...REJECTION.reasons], id: document.id }, { notify: false });
  }
  return steps.length;
}

/** `demo seed`: generated forms attached through the real reader, then reviewed as staff would. */
export async function seedSampleDocuments(ctx: CoreContext, attach: AttachService, review: ReturnType<typeof createReviewService>): Promise<number> {
  const people = await samplePeople(ctx, PLAN.length);
  let done = 0;
  // People in parallel (the reader pool has a worker per core), each person's forms in order.
  const counts = await Promise.all(
    people.map(async (person, i) => {
      const attached = await attachPlanned(attach, review, person, PLAN[i] ?? []);
      ctx.emit('progress', { job: 'demo.seed', label: 'Attaching sample documents', done: (done += 1), total: people.length });
      return attached;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
