import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, Input } from '../../../../shared/contract';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import { invoke, officeWithMaria } from '../intake-test-support';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const call = <K extends CallName>(name: K, input: Input<K>) => invoke(t.core, name, input);

describe('requests', () => {
  it('records the registration itself as an open new-user request', async () => {
    const { maria } = await officeWithMaria(t.core);
    const requests = await call('requests.list', { personId: maria.id });
    expect(requests).toMatchObject({ total: 1, items: [{ type: 'new_user', status: 'open', accessLevelName: 'Read Only', agencyName: 'River City Outreach', personName: 'Maria Garcia' }] });
  });

  it('moves a person to the new level on an upgrade and remembers the level before it; cancelling puts it back', async () => {
    const { maria, level } = await officeWithMaria(t.core);
    const upgrade = await call('requests.create', { personId: maria.id, type: 'change_access', accessLevelId: level('Program Manager').id, note: 'Promoted' });
    expect(upgrade).toMatchObject({ type: 'change_access', status: 'open', accessLevelName: 'Program Manager', previousAccessLevelName: 'Read Only', note: 'Promoted' });
    expect(await call('people.get', { id: maria.id })).toMatchObject({ accessLevelName: 'Program Manager', requestType: 'change_access' });
    const cancelled = await call('requests.update', { id: upgrade.id, status: 'cancelled' });
    expect(cancelled.closedAt).toBe('2026-11-28T15:00:00.000Z');
    expect(await call('people.get', { id: maria.id })).toMatchObject({ accessLevelName: 'Read Only', requestType: 'new_user' });
    const history = await call('people.history', { id: maria.id });
    expect(history.map((h) => h.action)).toEqual(['person.updated', 'request.updated', 'person.updated', 'request.opened', 'person.registered']);
  });

  it('puts a deactivation request on the "to deactivate" list, once', async () => {
    const { maria } = await officeWithMaria(t.core);
    const request = await call('requests.create', { personId: maria.id, type: 'deactivation' });
    await expect(call('requests.create', { personId: maria.id, type: 'deactivation' })).rejects.toMatchObject({ code: 'duplicate' });
    const queue = await call('requests.list', { type: 'deactivation', status: 'active' });
    expect(queue.items.map((r) => r.id)).toEqual([request.id]);
    expect((await call('people.get', { id: maria.id })).stage).toBe('deactivation_requested');
    await call('requests.update', { id: request.id, status: 'completed' });
    expect((await call('requests.list', { type: 'deactivation', status: 'active' })).total).toBe(0);
    await expect(call('requests.update', { id: request.id, status: 'open' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('validates like every call: a change needs a level, an additional agency needs the agency', async () => {
    const { maria, level } = await officeWithMaria(t.core);
    await expect(call('requests.create', { personId: maria.id, type: 'change_access' })).rejects.toMatchObject({
      code: 'invalid',
      fields: [{ field: 'accessLevelId', message: 'Choose the access level asked for.' }],
    });
    await expect(call('requests.create', { personId: maria.id, type: 'change_access', accessLevelId: level('Read Only').id })).rejects.toMatchObject({ code: 'invalid' });
    const delta = (await call('agencies.list', {})).find((a) => a.name === 'Delta Recovery Services');
    const extra = await call('requests.create', { personId: maria.id, type: 'additional_agency', agencyId: delta?.id ?? 0 });
    expect(extra).toMatchObject({ agencyName: 'Delta Recovery Services' });
    expect(await call('people.get', { id: maria.id })).toMatchObject({ agencyName: 'River City Outreach', requestType: 'additional_agency' });
  });
});
