import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { expectOneWinner, race } from '../test-support/race';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
let maria: Person;
beforeEach(async () => {
  t = await tempCore();
  const { agency, level } = await basics(t.core);
  maria = await t.core.handlers['people.create']({ firstName: 'Maria', lastName: 'Garcia', email: 'maria.garcia@rivercity.example.org', agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' });
});
afterEach(() => t.dispose());

const update = (changes: Record<string, string>, expectedUpdatedAt?: string) => () => t.core.handlers['people.update']({ id: maria.id, expectedUpdatedAt, changes });

describe('two saves of one person at the same time', () => {
  it('keeps the first edit from the same base and refuses the second with a sentence', async () => {
    const outcome = await race(update({ phone: '(916) 555-0101' }, maria.updatedAt), update({ notes: 'Called supervisor' }, maria.updatedAt));
    const winner = expectOneWinner(outcome, /^Someone else changed Maria Garcia while you were editing\. Reload to see their change, then make yours again\.$/);
    const stored = await t.core.handlers['people.get']({ id: maria.id });
    expect(stored).toEqual(winner);
    expect(stored.updatedAt).not.toBe(maria.updatedAt);
    const history = await t.core.handlers['people.history']({ id: maria.id });
    expect(history.map((h) => h.action)).toEqual(['person.updated', 'person.registered']);
  });

  it('also refuses the second when neither sent a base (the command line): it would write over the first', async () => {
    const outcome = await race(update({ phone: '(916) 555-0101' }), update({ notes: 'Called supervisor' }));
    const winner = expectOneWinner(outcome);
    expect(await t.core.handlers['people.get']({ id: maria.id })).toEqual(winner);
  });

  it('lets the second save through once it starts from the first one\'s result', async () => {
    const first = await update({ phone: '(916) 555-0101' }, maria.updatedAt)();
    const second = await update({ notes: 'Called supervisor' }, first.updatedAt)();
    expect(second).toMatchObject({ phone: '(916) 555-0101', notes: 'Called supervisor' });
  });
});
