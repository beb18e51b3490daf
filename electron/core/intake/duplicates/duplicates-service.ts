import { AppError } from '../../../../shared/app-error';
import type { ParsedInput } from '../../../../shared/contract';
import type { Person } from '../../../../shared/domain/person';
import { insertAudit } from '../../audit/audit.repo';
import type { CoreContext } from '../../context';
import type { Db } from '../../db/open-database';
import { deletePerson, selectPeople, toPerson } from '../../people/people.repo';
import { mustGetPerson, personChanged, personRow, savePersonChanges } from '../../people/person-writes';
import { currentRequestType } from '../requests/requests.repo';
import { nameKey } from '../text-keys';
import { allNames, clashingCurrentForms, deleteNotDuplicatesOf, retireForm, insertNotDuplicate, notDuplicatePairs, personReferences, repointPerson, type NameRow } from './duplicates.repo';

/** A group stays flagged while some pair in it has not been marked "different people". */
function stillFlagged(group: NameRow[], dismissed: Set<string>): boolean {
  for (let i = 0; i < group.length; i += 1) {
    for (let j = i + 1; j < group.length; j += 1) {
      const [a, b] = [group[i]?.id ?? 0, group[j]?.id ?? 0].sort((x, y) => x - y);
      if (!dismissed.has(`${a}|${b}`)) return true;
    }
  }
  return false;
}

/** Accepted beats waiting for review beats rejected; between equals, the newer upload. */
const FORM_RANK: Record<string, number> = { accepted: 3, in_review: 2, rejected: 1 };

/**
 * A person keeps one current form of each kind. When both records have one (found by the hostile
 * suite: the merge broke on the unique index with an internal error), the better one stays current
 * and the other joins the history as replaced. Returns the ids retired, for the audit row.
 */
async function keepOneFormOfEachKind(trx: Db, survivorId: number, mergedId: number, stamp: { at: string; operator: string }): Promise<number[]> {
  const forms = await clashingCurrentForms(trx, survivorId, mergedId);
  const retired: number[] = [];
  for (const kind of new Set(forms.map((f) => f.kind))) {
    const [, ...losers] = forms
      .filter((f) => f.kind === kind)
      .sort((x, y) => (FORM_RANK[y.status] ?? 0) - (FORM_RANK[x.status] ?? 0) || y.uploadedAt.localeCompare(x.uploadedAt) || y.id - x.id);
    for (const loser of losers) {
      await retireForm(trx, loser.id, stamp.at, stamp.operator);
      retired.push(loser.id);
    }
  }
  return retired;
}

/** The survivor keeps its own values; what it lacks comes from the merged record. */
function mergedFields(survivor: Person, merged: Person) {
  const row = personRow(survivor);
  return {
    ...row,
    phone: row.phone ?? merged.phone,
    supervisorName: row.supervisorName ?? merged.supervisorName,
    supervisorEmail: row.supervisorEmail ?? merged.supervisorEmail,
    notes: [row.notes, merged.notes].filter(Boolean).join('\n') || null,
    registeredOn: row.registeredOn < merged.registeredOn ? row.registeredOn : merged.registeredOn,
  };
}

export function createDuplicatesService(ctx: CoreContext) {
  const today = () => ctx.clock.today();

  const mustGet = (id: number): Promise<Person> => mustGetPerson(ctx.db, id, today());

  return {
    /**
     * Same name (ignoring case and accents) at the same agency: emails are unique, so these are
     * either two people with one name or one person registered twice with two emails.
     */
    async possible(input: ParsedInput<'people.possibleDuplicates'>) {
      const person = input.personId === undefined ? undefined : await mustGet(input.personId);
      const [names, dismissed] = await Promise.all([allNames(ctx.db, person?.agencyId), notDuplicatePairs(ctx.db)]);
      const groups = new Map<string, NameRow[]>();
      for (const row of names) {
        const key = `${nameKey(row.firstName, row.lastName)}|${row.agencyId}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = []));
        group.push(row);
      }
      const mine = (g: NameRow[]) => !person || g.some((r) => r.id === person.id);
      const flagged = [...groups.values()].filter((g) => g.length > 1 && mine(g) && stillFlagged(g, dismissed)).slice(0, input.limit);
      const ids = flagged.flat().map((r) => r.id);
      const people = ids.length ? await selectPeople(ctx.db).where('p.id', 'in', ids).execute() : [];
      const byId = new Map(people.map((p) => [p.id, toPerson(p, today())]));
      return flagged.map((group) => ({
        reason: `Same name at ${group[0]?.agencyName ?? 'the same agency'}`,
        people: group.map((r) => byId.get(r.id)).filter((p): p is Person => p !== undefined),
      }));
    },

    async notDuplicates(input: ParsedInput<'people.notDuplicates'>): Promise<Record<string, never>> {
      const [a, b] = input.personIds;
      if (a === b) throw new AppError('invalid', 'Choose two different people.', [{ field: 'personIds', message: 'The two people are the same.' }]);
      await Promise.all([mustGet(a), mustGet(b)]);
      const at = ctx.clock.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await insertNotDuplicate(trx, a, b, at);
        for (const [self, other] of [[a, b], [b, a]] as const) {
          await insertAudit(trx, { at, operator: ctx.operator, action: 'person.not_duplicate', entity: 'person', entityId: self, after: { otherPersonId: other } });
        }
      });
      ctx.emit('changed', { entities: ['people'] });
      return {};
    },

    /**
     * One transaction: every record that points at the merged person (requests, imports, mail,
     * documents…) and its whole history move to the survivor, the merge is recorded with the
     * merged person's details, and the merged record is removed.
     */
    async merge(input: ParsedInput<'people.merge'>): Promise<Person> {
      const [survivor, merged] = await Promise.all([mustGet(input.survivorId), mustGet(input.mergedId)]);
      const at = ctx.clock.now().toISOString();
      const stamp = { at, operator: ctx.operator };
      await ctx.db.transaction().execute(async (trx) => {
        const retired = await keepOneFormOfEachKind(trx, survivor.id, merged.id, stamp);
        await deleteNotDuplicatesOf(trx, merged.id);
        for (const ref of await personReferences(trx)) await repointPerson(trx, ref, merged.id, survivor.id);
        // The audit is append-only: the merged person's history joins the survivor's timeline
        // through the 'person.merged' row below (auditFor follows it), not by rewriting old rows.
        // Only the version read: a merged record changed (or merged elsewhere) meanwhile would take
        // that change with it unseen. The survivor is guarded the same way by savePersonChanges.
        if (!(await deletePerson(trx, merged.id, merged.updatedAt))) throw personChanged(merged);
        const after = { ...mergedFields(survivor, merged), requestType: (await currentRequestType(trx, survivor.id)) ?? survivor.requestType };
        await savePersonChanges(trx, survivor, personRow(survivor), after, { ...stamp, note: `Merged with ${merged.firstName} ${merged.lastName}` });
        await insertAudit(trx, {
          ...stamp, action: 'person.merged', entity: 'person', entityId: survivor.id,
          before: { mergedPersonId: merged.id, ...personRow(merged) }, after: { survivorId: survivor.id, ...(retired.length ? { formsReplaced: retired } : {}) },
          note: `${merged.firstName} ${merged.lastName} (${merged.email}) was merged into this record`,
        });
      });
      ctx.emit('changed', { entities: ['people', 'agencies'] });
      return mustGet(survivor.id);
    },
  };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
