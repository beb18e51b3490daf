import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

describe('sample data shows intake', () => {
  it('has exactly the people asked for, one of them registered twice, and upgrades that remember the old level', async () => {
    await t.core.handlers['demo.seed']({ people: 200 });
    const list = await t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 1 });
    expect(list.total).toBe(200);
    const groups = await t.core.handlers['people.possibleDuplicates']({ limit: 200 });
    const twice = groups.find((g) => g.people.some((p) => p.email.includes('.personal@')));
    expect(twice?.people).toHaveLength(2);
    const history = await t.core.handlers['people.history']({ id: twice?.people.find((p) => p.email.includes('.personal@'))?.id ?? 0 });
    // Later sample events (documents, training) come after the registration, so look it up by action.
    expect(history.find((entry) => entry.action === 'person.registered')).toMatchObject({ action: 'person.registered', after: expect.objectContaining({ email: expect.stringContaining('.personal@') }) });
    const upgrades = await t.core.handlers['requests.list']({ type: 'change_access', offset: 0, limit: 500 });
    expect(upgrades.total).toBeGreaterThan(0);
    expect(upgrades.items.every((r) => r.previousAccessLevelName !== null && r.previousAccessLevelId !== r.accessLevelId)).toBe(true);
  });
});
