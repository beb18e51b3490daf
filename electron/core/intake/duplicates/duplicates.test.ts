import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, Input } from '../../../../shared/contract';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import type { Person } from '../../../../shared/domain/person';
import { form } from '../../documents/test-support/document-fixtures';
import { csvFile, invoke, officeWithMaria } from '../intake-test-support';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const call = <K extends CallName>(name: K, input: Input<K>) => invoke(t.core, name, input);

async function mariaTwice() {
  const office = await officeWithMaria(t.core);
  const file = csvFile('more.csv', 'First name,Last name,Email,Phone,Agency,Access level\r\nMaría,García,mgarcia@rivercity.example.org,(916) 555-0100,River City Outreach,Read Only\r\n');
  await call('intake.import', file);
  const other = (await call('people.list', { search: 'mgarcia' })).items[0];
  if (!other) throw new Error('not imported');
  return { ...office, other };
}

describe('possible duplicates', () => {
  it('flags the same name at the same agency, ignoring accents, until marked as different people', async () => {
    const { maria, other } = await mariaTwice();
    const groups = await call('people.possibleDuplicates', {});
    expect(groups).toHaveLength(1);
    expect(groups[0]?.reason).toBe('Same name at River City Outreach');
    expect(groups[0]?.people.map((p) => p.id).sort()).toEqual([maria.id, other.id].sort());
    expect((await call('people.possibleDuplicates', { personId: other.id }))[0]?.people).toHaveLength(2);
    const delta = (await call('agencies.list', {})).find((a) => a.name === 'Delta Recovery Services');
    const elsewhere = await call('people.create', { firstName: 'Maria', lastName: 'Garcia', email: 'mg@delta.example.org', agencyId: delta?.id ?? 0, accessLevelId: maria.accessLevelId });
    expect(await call('people.possibleDuplicates', { personId: elsewhere.id })).toEqual([]);
    await call('people.notDuplicates', { personIds: [other.id, maria.id] });
    expect(await call('people.possibleDuplicates', {})).toEqual([]);
  });
});

describe('people.merge', () => {
  it('moves requests, imports and history to the survivor, fills what it lacks, and removes the other', async () => {
    const { maria, other } = await mariaTwice();
    await call('requests.create', { personId: other.id, type: 'deactivation' });
    const merged = await call('people.merge', { survivorId: maria.id, mergedId: other.id });
    expect(merged).toMatchObject({ id: maria.id, email: maria.email, phone: '(916) 555-0100', requestType: 'deactivation', stage: 'deactivation_requested' });
    await expect(call('people.get', { id: other.id })).rejects.toMatchObject({ code: 'not_found' });
    const requests = await call('requests.list', { personId: maria.id });
    expect(requests.items.map((r) => r.type).sort()).toEqual(['deactivation', 'new_user', 'new_user']);
    const history = await call('people.history', { id: maria.id });
    expect(history[0]).toMatchObject({ action: 'person.merged', note: 'María García (mgarcia@rivercity.example.org) was merged into this record', before: { mergedPersonId: other.id } });
    expect(history.filter((h) => h.action === 'person.registered').map((h) => h.note)).toEqual(['Registered from more.csv row 2', null]);
    expect(t.core.checkIntegrity()).toEqual({ ok: true, problems: [] });
    // The merged person's row stays "imported": importing the file again changes nothing.
    const again = await call('intake.import', csvFile('more.csv', 'First name,Last name,Email,Phone,Agency,Access level\r\nMaría,García,mgarcia@rivercity.example.org,(916) 555-0100,River City Outreach,Read Only\r\n'));
    expect(again).toMatchObject({ imported: 0, alreadyImported: 1 });
  });

  it('keeps one current form of each kind when both records have one: the accepted one, the other as replaced', async () => {
    const { maria, other } = await mariaTwice();
    const attach = async (person: Person) => {
      const bytes = await form(person, { kind: 'staff_verification' });
      const attached = await call('documents.attach', { personId: person.id, fileName: `${person.id}.pdf`, bytes, kind: 'staff_verification' });
      return attached.document?.id ?? 0;
    };
    const waiting = await attach(maria);
    const accepted = await attach(other);
    await call('documents.review', { id: accepted, decision: 'accept' });
    // Before the fix the unique index on current forms broke the merge with an internal error.
    await call('people.merge', { survivorId: maria.id, mergedId: other.id });
    const forms = await call('documents.list', { personId: maria.id });
    expect(forms.map((d) => [d.id, d.status]).sort()).toEqual([
      [waiting, 'replaced'],
      [accepted, 'accepted'],
    ].sort());
    const history = await call('people.history', { id: maria.id });
    expect(history[0]).toMatchObject({ action: 'person.merged', after: { formsReplaced: [waiting] } });
    expect(t.core.checkIntegrity()).toEqual({ ok: true, problems: [] });
  });

  it('refuses merging a person into themselves', async () => {
    const { maria } = await officeWithMaria(t.core);
    await expect(call('people.merge', { survivorId: maria.id, mergedId: maria.id })).rejects.toThrow(/Choose two different people to merge/);
  });
});
