import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../../shared/domain/person';
import { deriveStage } from '../../../shared/workflow';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

describe('stage SQL twin', () => {
  it('filters each person into the stage deriveStage() gives them, for every request type', async () => {
    const { agency, level } = await basics(t.core);
    for (const [i, requestType] of REQUEST_TYPES.entries()) {
      await t.core.handlers['people.create']({ firstName: 'P', lastName: `N${i}`, email: `p${i}@x.example.org`, agencyId: agency.id, accessLevelId: level.id, requestType });
    }
    const list = await t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 100 });
    for (const person of list.items) {
      const bySql = await t.core.handlers['people.list']({ stage: person.stage, search: person.email, sort: 'name', direction: 'asc', offset: 0, limit: 1 });
      expect(bySql.items.map((p) => p.id)).toEqual([person.id]);
      expect(person.stage).toBe(deriveStage({ requestType: person.requestType }, '2026-11-28'));
    }
  });
});
