import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeAll(async () => {
  t = await tempCore();
});
afterAll(() => t.dispose());

it('demo seed attaches generated forms: some accepted, some awaiting review, one rejected', async () => {
  await t.core.handlers['demo.seed']({ people: 30 });
  const pending = await t.core.handlers['documents.pending']({ section: 'review', direction: 'desc', offset: 0, limit: 50 });
  // Every document story is played: five forms wait for review in four people, one is rejected.
  expect(pending.counts).toMatchObject({ review: 5, rejected: 1 });
  const ready = await t.core.handlers['people.list']({ stage: 'documents_accepted', sort: 'name', direction: 'asc', offset: 0, limit: 50 });
  expect(ready.total).toBe(3);
  const rejected = await t.core.handlers['documents.pending']({ section: 'rejected', direction: 'desc', offset: 0, limit: 5 });
  expect(rejected.items[0]).toMatchObject({ kinds: ['staff_verification'], rejectReasons: ['background_check_not_confirmed'] });
  const scan = pending.items.find((r) => r.fileName?.startsWith('End User Agreement') && r.kinds[0] === 'end_user_agreement');
  expect(scan).toBeDefined();
  // The people asked for, no more: the documents go on people the seed made.
  expect((await t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 1 })).total).toBe(30);
});
