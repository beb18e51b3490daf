import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { person as personSchema } from '../../../shared/domain/person';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

async function register(overrides: Record<string, unknown> = {}) {
  const { agency, level } = await basics(t.core);
  return t.core.handlers['people.create']({
    firstName: 'Maria',
    lastName: 'Garcia',
    email: 'maria.garcia@rivercity.example.org',
    agencyId: agency.id,
    accessLevelId: level.id,
    requestType: 'new_user',
    ...overrides,
  } as never);
}

describe('people.create', () => {
  it('registers a person awaiting documents, dated today, with an audit entry by the operator', async () => {
    const created = await register();
    expect(personSchema.parse(created)).toEqual(created);
    expect(created).toMatchObject({ agencyName: 'River City Outreach', stage: 'awaiting_documents', registeredOn: '2026-11-28' });
    const history = await t.core.handlers['people.history']({ id: created.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'person.registered', operator: 'test.operator', after: { email: 'maria.garcia@rivercity.example.org' } });
    expect(t.events.some((e) => e.event === 'changed')).toBe(true);
  });

  it('refuses the same email in other letter case, names the field, and writes nothing', async () => {
    const first = await register();
    await expect(t.core.handlers['people.create']({ ...first, email: 'MARIA.Garcia@RiverCity.example.org', requestType: 'new_user' })).rejects.toMatchObject({
      code: 'duplicate',
      message: 'MARIA.Garcia@RiverCity.example.org is already registered. Open that person instead of adding them again.',
      fields: [{ field: 'email', message: 'Someone with this email is already on the list.' }],
    });
    const list = await t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 10 });
    expect(list.total).toBe(1);
  });

  it('refuses an agency or access level that is not on the list', async () => {
    const { level, levels } = await basics(t.core);
    await expect(
      t.core.handlers['people.create']({ firstName: 'A', lastName: 'B', email: 'a@b.org', agencyId: 999, accessLevelId: level.id, requestType: 'new_user' }),
    ).rejects.toMatchObject({ code: 'invalid', fields: [{ field: 'agencyId' }] });
    await expect(
      t.core.handlers['people.create']({ firstName: 'A', lastName: 'B', email: 'a@b.org', agencyId: 1, accessLevelId: 999, requestType: 'new_user' }),
    ).rejects.toMatchObject({ code: 'invalid', fields: [{ field: 'accessLevelId', message: `Known levels: ${levels.map((l) => l.name).join(', ')}.` }] });
  });
});

describe('people.update', () => {
  it('records only the changed fields, before and after', async () => {
    const created = await register();
    t.clock.set('2026-11-29T09:30:00.000Z');
    const updated = await t.core.handlers['people.update']({ id: created.id, expectedUpdatedAt: created.updatedAt, changes: { phone: '(916) 555-0199', lastName: 'García' } });
    expect(updated).toMatchObject({ lastName: 'García', phone: '(916) 555-0199', updatedAt: '2026-11-29T09:30:00.000Z' });
    const [latest] = await t.core.handlers['people.history']({ id: created.id });
    expect(latest).toMatchObject({ action: 'person.updated', before: { lastName: 'Garcia', phone: null }, after: { lastName: 'García', phone: '(916) 555-0199' } });
  });

  it('refuses a save over a newer edit instead of losing it', async () => {
    const created = await register();
    t.clock.set('2026-11-29T09:30:00.000Z');
    await t.core.handlers['people.update']({ id: created.id, changes: { notes: 'Called supervisor' } });
    await expect(t.core.handlers['people.update']({ id: created.id, expectedUpdatedAt: created.updatedAt, changes: { notes: 'Mine' } })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Someone else changed Maria Garcia while you were editing. Reload to see their change, then make yours again.',
    });
  });

  it('refuses taking another person\'s email and writes no audit entry', async () => {
    const maria = await register();
    const other = await t.core.handlers['people.create']({ ...maria, email: 'jose.lopez@rivercity.example.org', firstName: 'Jose', lastName: 'Lopez' });
    await expect(t.core.handlers['people.update']({ id: other.id, changes: { email: maria.email.toUpperCase() } })).rejects.toMatchObject({ code: 'duplicate' });
    expect(await t.core.handlers['people.history']({ id: other.id })).toHaveLength(1);
  });

  it('changes nothing and writes no audit entry when nothing differs', async () => {
    const created = await register();
    await t.core.handlers['people.update']({ id: created.id, changes: { firstName: 'Maria' } });
    expect(await t.core.handlers['people.history']({ id: created.id })).toHaveLength(1);
  });

  it('answers an unknown person with a sentence', async () => {
    await expect(t.core.handlers['people.get']({ id: 4242 })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('No person with number 4242') });
  });
});

describe('people.list', () => {
  beforeEach(async () => {
    await t.core.handlers['demo.seed']({ people: 600 });
  });
  const list = (input: Record<string, unknown> = {}) => t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 50, ...input });

  it('pages through everyone in name order', async () => {
    const first = await list();
    const second = await list({ offset: 50 });
    expect(first.total).toBe(600);
    const people = [...first.items, ...second.items];
    expect(new Set(people.map((p) => p.id)).size).toBe(100);
    // SQLite's NOCASE folds ASCII letters only; compare the way the index orders.
    const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const keys = people.map((p) => [nocase(p.lastName), nocase(p.firstName), p.id] as const);
    const inOrder = keys.every((k, i) => {
      const prev = keys[i - 1];
      return !prev || prev[0] < k[0] || (prev[0] === k[0] && (prev[1] < k[1] || (prev[1] === k[1] && prev[2] < k[2])));
    });
    expect(inOrder).toBe(true);
  });

  it('searches name, email and agency by word prefixes, ignoring case and accents', async () => {
    const maria = await list({ search: 'MARI' });
    expect(maria.total).toBeGreaterThan(0);
    expect(maria.items.every((p) => /mari/i.test(`${p.firstName} ${p.lastName} ${p.email} ${p.agencyName}`))).toBe(true);
    const byAgency = await list({ search: 'delta rec', limit: 500 });
    expect(byAgency.items.every((p) => p.agencyName === 'Delta Recovery Services')).toBe(true);
    expect(byAgency.total).toBe(byAgency.items.length);
    const accented = await list({ search: 'chavez' });
    expect(accented.items.some((p) => p.lastName === 'Chávez')).toBe(true);
  });

  it('treats FTS syntax typed by a person as text', async () => {
    await expect(list({ search: 'NEAR(" OR *' })).resolves.toMatchObject({ total: 0 });
  });

  it('filters by agency, access level and stage, and the count follows', async () => {
    const agencies = await t.core.handlers['agencies.list']({});
    const delta = agencies.find((a) => a.name === 'Delta Recovery Services');
    const filtered = await list({ agencyId: delta?.id, limit: 500 });
    expect(filtered.total).toBe(delta?.peopleCount);
    const deactivations = await list({ stage: 'deactivation_requested', limit: 500 });
    expect(deactivations.items.every((p) => p.requestType === 'deactivation' && p.stage === 'deactivation_requested')).toBe(true);
    expect(deactivations.total).toBe(deactivations.items.length);
  });

  it('sorts by every column in both directions without losing anyone', async () => {
    for (const sort of ['name', 'email', 'agency', 'accessLevel', 'registeredOn', 'stage'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const page = await list({ sort, direction, limit: 500 });
        expect(page.items).toHaveLength(500);
      }
    }
    const byDate = await list({ sort: 'registeredOn', direction: 'desc', limit: 500 });
    const dates = byDate.items.map((p) => p.registeredOn);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe('people.update through the contract', () => {
  it('leaves fields the edit did not send as they are (no defaults on update)', async () => {
    const created = await register({ requestType: 'change_access' });
    const result = await dispatch(t.core.handlers, 'people.update', { id: created.id, changes: { phone: '(916) 555-0100' } });
    expect(result).toMatchObject({ ok: true, value: { requestType: 'change_access', phone: '(916) 555-0100' } });
  });
});
