import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, Input } from '../../../shared/contract';
import { expectOneWinner, race } from '../test-support/race';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { invoke, officeWithMaria } from './intake-test-support';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const call = <K extends CallName>(name: K, input: Input<K>) => invoke(t.core, name, input);

async function mariaAndTwin() {
  const office = await officeWithMaria(t.core);
  const twin = await call('people.create', { firstName: 'María', lastName: 'García', email: 'mgarcia@rivercity.example.org', agencyId: office.river.id, accessLevelId: office.level('Read Only').id, requestType: 'new_user' });
  return { ...office, twin };
}

describe('requests opened or changed at the same time', () => {
  it('opens one deactivation request when two are asked for at once, and refuses the other', async () => {
    const { maria } = await officeWithMaria(t.core);
    const ask = () => call('requests.create', { personId: maria.id, type: 'deactivation', note: 'Left the agency' });
    const outcome = await race(ask, ask);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.lost).toEqual([expect.objectContaining({ code: 'duplicate', message: 'Maria Garcia already has an open deactivation request. Open it from their record instead of asking again.' })]);
    expect((await call('requests.list', { personId: maria.id, type: 'deactivation' })).total).toBe(1);
    const history = await call('people.history', { id: maria.id });
    expect(history.filter((h) => h.action === 'request.opened')).toHaveLength(1);
  });

  it('lets one of two changes to the same request win: completed or cancelled, never both', async () => {
    const { maria, level } = await officeWithMaria(t.core);
    const upgrade = await call('requests.create', { personId: maria.id, type: 'change_access', accessLevelId: level('Program Manager').id });
    const outcome = await race(() => call('requests.update', { id: upgrade.id, status: 'completed' }), () => call('requests.update', { id: upgrade.id, status: 'cancelled' }));
    const winner = expectOneWinner(outcome, /^Someone else changed this change or upgrade of access level request for Maria Garcia while you were working on it\. Reload/);
    const stored = (await call('requests.list', { personId: maria.id, type: 'change_access' })).items[0];
    expect(stored?.status).toBe(winner.status);
    const person = await call('people.get', { id: maria.id });
    expect(person.accessLevelName).toBe(winner.status === 'cancelled' ? 'Read Only' : 'Program Manager');
  });
});

describe('merges at the same time as other writes', () => {
  it('merges a record into one survivor only when two merges of it run at once', async () => {
    const { maria, twin, river, level } = await mariaAndTwin();
    const third = await call('people.create', { firstName: 'Maria', lastName: 'Garcia', email: 'maria.g@rivercity.example.org', agencyId: river.id, accessLevelId: level('Read Only').id, requestType: 'new_user' });
    const outcome = await race(() => call('people.merge', { survivorId: maria.id, mergedId: twin.id }), () => call('people.merge', { survivorId: third.id, mergedId: twin.id }));
    expectOneWinner(outcome, /^Someone else changed María García while you were editing\. Reload/);
    const merges = [...(await call('people.history', { id: maria.id })), ...(await call('people.history', { id: third.id }))].filter((h) => h.action === 'person.merged');
    expect(merges).toHaveLength(1);
  });

  it('refuses a merge whose merged record was edited after it was read, so the edit is not dropped unseen', async () => {
    const { maria, twin } = await mariaAndTwin();
    const outcome = await race(() => call('people.merge', { survivorId: maria.id, mergedId: twin.id }), () => call('people.update', { id: twin.id, expectedUpdatedAt: twin.updatedAt, changes: { phone: '(916) 555-0142' } }));
    const winner = expectOneWinner(outcome);
    const twinNow = (await call('people.list', { search: 'mgarcia' })).items;
    // Either the edit landed and the merge was refused, or the merge won and the edit was refused.
    if (winner.id === twin.id) expect(twinNow).toEqual([expect.objectContaining({ id: twin.id, phone: '(916) 555-0142' })]);
    else expect(twinNow).toEqual([]);
  });

  it('refuses a merge over a survivor someone is saving at the same moment', async () => {
    const { maria, twin } = await mariaAndTwin();
    await call('people.update', { id: twin.id, changes: { phone: '(916) 555-0100' } });
    const outcome = await race(() => call('people.merge', { survivorId: maria.id, mergedId: twin.id }), () => call('people.update', { id: maria.id, expectedUpdatedAt: maria.updatedAt, changes: { notes: 'Works two shifts' } }));
    expectOneWinner(outcome);
  });
});
