import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeAll(async () => {
  t = await tempCore();
});
afterAll(() => t.dispose());

/** Training is sent only once both forms are accepted: the sample office keeps to that. */
it('demo seed sends no sample person training before both of their forms were accepted', async () => {
  await t.core.handlers['demo.seed']({ people: 60 });
  const people: Person[] = (await t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 500 })).items;
  expect(people).toHaveLength(60);
  const trained: number[] = [];
  for (const person of people) {
    const history = await t.core.handlers['people.history']({ id: person.id });
    const sends = history.filter((e) => e.action === 'training.sent').map((e) => e.at);
    if (sends.length === 0) continue;
    trained.push(person.id);
    const firstSend = sends.sort()[0] as string;
    const current = (await t.core.handlers['documents.list']({ personId: person.id })).filter((d) => d.status !== 'replaced');
    expect(current.map((d) => `${d.kind}:${d.status}`).sort(), person.email).toEqual(['end_user_agreement:accepted', 'staff_verification:accepted']);
    for (const doc of current) expect((doc.reviewedAt ?? '') < firstSend, `${person.email}: ${doc.kind} accepted after the training was sent`).toBe(true);
  }
  expect(trained.length).toBeGreaterThan(20);
  // The document stories still waiting on someone are all people with no training yet.
  for (const section of ['review', 'rejected', 'missing'] as const) {
    const queue = await t.core.handlers['documents.pending']({ section, direction: 'desc', offset: 0, limit: 500 });
    expect(queue.items.length, section).toBeGreaterThan(0);
    expect(queue.items.filter((row) => trained.includes(row.personId)), section).toEqual([]);
  }
});
