import { afterEach, describe, expect, it } from 'vitest';
import type { PersonDueFilter } from '../../../shared/domain/person';
import { call } from '../quizzes/test-support/training-kit';
import { seedCertifiedPeople } from '../recert/test-support/certified-people';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

/**
 * Today is 28 November 2026 (the temp core's clock) under the default policy: twelve months from
 * the last certification, thirty days' grace. Each person's certification date sets their due date.
 */
const CERTIFIED = {
  in10: '2025-12-08', // due 2026-12-08
  in45: '2026-01-12', // due 2027-01-12
  in80: '2026-02-16', // due 2027-02-16
  in200: '2026-06-16', // due 2027-06-16
  overdue5: '2025-11-23', // due 2026-11-23
  lapsed40: '2025-10-19', // due 2026-10-19
  deactivated: '2025-10-18', // due 2026-10-18, lapsed, then deactivated
} as const;
type Who = keyof typeof CERTIFIED;

async function office() {
  t = await tempCore();
  const { agency, level } = await basics(t.core);
  const names = Object.keys(CERTIFIED) as Who[];
  const ids = seedCertifiedPeople(t.dataDir, names.length, (i) => CERTIFIED[names[i] as Who], agency.id, level.id);
  const byId = new Map(ids.map((id, i) => [id, names[i] as Who]));
  const neverCertified = await call(t.core, 'people.create', { firstName: 'Nia', lastName: 'New', email: 'nia@example.org', agencyId: agency.id, accessLevelId: level.id });
  const deactivatedId = ids[names.indexOf('deactivated')] as number;
  await call(t.core, 'recert.confirmDeactivated', { personId: deactivatedId, deactivatedOn: '2026-11-27' });
  return { core: t.core, byId, neverCertified };
}

describe('people.list: the "Due" filter and columns', () => {
  it('filters active people by due window, overdue or lapsed, never the deactivated or the uncertified', async () => {
    const { core, byId } = await office();
    const who = async (due: PersonDueFilter) => (await call(core, 'people.list', { due, sort: 'recertDueOn' })).items.map((p) => byId.get(p.id));
    expect(await who('next_30')).toEqual(['in10']);
    expect(await who('next_60')).toEqual(['in10', 'in45']);
    expect(await who('next_90')).toEqual(['in10', 'in45', 'in80']);
    expect(await who('overdue')).toEqual(['overdue5']);
    expect(await who('lapsed')).toEqual(['lapsed40']);
    const counted = await call(core, 'people.list', { due: 'next_90', limit: 1 });
    expect(counted.total).toBe(3);
  });

  it('carries each person certified-on and due-on dates, null before the first certification', async () => {
    const { core, byId, neverCertified } = await office();
    const list = await call(core, 'people.list', { sort: 'recertDueOn' });
    const dates = list.items.map((p) => [byId.get(p.id) ?? p.id, p.certifiedOn, p.recertDueOn]);
    expect(dates.slice(0, 3)).toEqual([
      ['deactivated', '2025-10-18', '2026-10-18'],
      ['lapsed40', '2025-10-19', '2026-10-19'],
      ['overdue5', '2025-11-23', '2026-11-23'],
    ]);
    // Never certified last: they have no date to plan by.
    expect(dates.at(-1)).toEqual([neverCertified.id, null, null]);
  });

  it('moves the due date, never the certified-on date, when the policy changes', async () => {
    const { core, byId } = await office();
    const id = [...byId].find(([, w]) => w === 'in10')?.[0] as number;
    const before = await call(core, 'people.get', { id });
    expect(before).toMatchObject({ certifiedOn: '2025-12-08', recertDueOn: '2026-12-08' });
    const saved = await call(core, 'recert.policy.get', {});
    await call(core, 'recert.policy.save', { policy: { ...saved.policy, cycle: { kind: 'anniversary', months: 24 } }, expectedUpdatedAt: saved.updatedAt });
    expect(await call(core, 'people.get', { id })).toMatchObject({ certifiedOn: '2025-12-08', recertDueOn: '2027-12-08' });
  });

  it('pages a recertification stage in the order asked, the page chosen before its columns (migration 010)', async () => {
    t = await tempCore();
    const { agency, level } = await basics(t.core);
    // Twelve people all due in January 2027 (recertification due soon on 28 November 2026), names out of due order.
    const ids = seedCertifiedPeople(t.dataDir, 12, (i) => `2026-01-${String(1 + ((i * 7) % 12)).padStart(2, '0')}`, agency.id, level.id);
    const all = await call(t.core, 'people.list', { stage: 'recert_due_soon', sort: 'name', direction: 'asc', offset: 0, limit: 100 });
    expect(all.total).toBe(12);
    expect(all.items.map((p) => p.id)).toEqual(ids);
    for (const direction of ['asc', 'desc'] as const) {
      const ordered = direction === 'asc' ? ids : [...ids].reverse();
      const page = await call(t.core, 'people.list', { stage: 'recert_due_soon', sort: 'name', direction, offset: 4, limit: 5 });
      expect(page.items.map((p) => p.id), direction).toEqual(ordered.slice(4, 9));
      expect(page.total).toBe(12);
      expect(new Set(page.items.map((p) => p.stage))).toEqual(new Set(['recert_due_soon']));
    }
    const byDue = await call(t.core, 'people.list', { due: 'next_60', sort: 'recertDueOn', direction: 'asc', offset: 0, limit: 3 });
    expect(byDue.items.map((p) => p.recertDueOn)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
  });
});
