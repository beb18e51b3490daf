import { countsAsCertified, ROSTER_FINDINGS, type RosterFinding, type RosterLine, type RosterReport, type RosterRow } from '../../../shared/domain/roster';
import { STAGE_LABELS, type Stage } from '../../../shared/workflow';
import { levelKey, textKey } from '../intake/text-keys';
import type { RosterPerson } from './roster.repo';

type How = 'userName' | 'email' | 'probable';

const lower = (text: string) => text.trim().toLowerCase();
const fullName = (p: RosterPerson) => `${p.firstName} ${p.lastName}`;
const stageLabel = (stage: string) => STAGE_LABELS[stage as Stage] ?? stage.replace(/_/g, ' ');
/** Plain ASCII (almost every name) needs no Unicode normalising: a quicker route to textKey's answer. */
const ASCII = /^[\x20-\x7e]*$/;
const quickKey = (text: string) => (ASCII.test(text) ? text.toLowerCase().replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim() : textKey(text));
/** Agencies and levels are a few dozen names said 100,000 times: each key is worked out once. */
function remembered(key: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      if (known.size > 10_000) known.clear();
      value = key(text);
      known.set(text, value);
    }
    return value;
  };
}
const agencyKey = remembered(quickKey);
const levelNameKey = remembered(levelKey);
const nameAgencyKey = (name: string, agency: string) => `${quickKey(name)}|${agencyKey(agency)}`;
const collator = new Intl.Collator('en');

/**
 * The people by each key an account can be matched on; a name shared at one agency is no match.
 * The name index (the costly key) holds only the agencies of accounts that the user name and the
 * email do not match: a probable match is always at the account's own agency.
 */
function indexPeople(people: readonly RosterPerson[], rows: readonly RosterRow[]) {
  const byUser = new Map<string, RosterPerson>();
  const byEmail = new Map<string, RosterPerson>();
  const byName = new Map<string, RosterPerson | null>();
  for (const p of people) {
    if (p.userName) byUser.set(lower(p.userName), p);
    byEmail.set(lower(p.email), p);
  }
  const agencies = new Set<string>();
  for (const row of rows) {
    const matched = (row.userName && byUser.has(lower(row.userName))) || (row.email && byEmail.has(lower(row.email)));
    if (!matched && row.name && row.agency) agencies.add(agencyKey(row.agency));
  }
  if (agencies.size) {
    for (const p of people) {
      if (!agencies.has(agencyKey(p.agency))) continue;
      const key = nameAgencyKey(fullName(p), p.agency);
      byName.set(key, byName.has(key) ? null : p);
    }
  }
  return { byUser, byEmail, byName };
}

function differences(row: RosterRow, p: RosterPerson): string[] {
  const out: string[] = [];
  const say = (what: string, there: string, here: string) => out.push(`${what} "${there}" in the HMIS, "${here}" here`);
  if (row.userName && p.userName && lower(row.userName) !== lower(p.userName)) say('user name', row.userName, p.userName);
  const name = quickKey(row.name);
  if (name && name !== quickKey(fullName(p)) && name !== quickKey(`${p.lastName} ${p.firstName}`)) say('name', row.name, fullName(p));
  if (row.email && lower(row.email) !== lower(p.email)) say('email', row.email, p.email);
  if (row.agency && agencyKey(row.agency) !== agencyKey(p.agency)) say('agency', row.agency, p.agency);
  if (row.accessLevel && levelNameKey(row.accessLevel) !== levelNameKey(p.accessLevel)) say('access level', row.accessLevel, p.accessLevel);
  return out;
}

const accountOf = (row: RosterRow) => (row.userName ? `Account ${row.userName}` : `The account of ${row.email}`);

/** What one active account that matched a person says about them. */
function judgeMatched(row: RosterRow, p: RosterPerson, how: How): { kind: RosterFinding; detail: string } | null {
  if (!countsAsCertified(p.stage)) {
    return { kind: 'to_deactivate', detail: `${accountOf(row)} is active, but ${fullName(p)} is not certified here (${stageLabel(p.stage)}). Deactivate it in the HMIS.` };
  }
  const diffs = differences(row, p);
  if (how === 'probable') {
    return { kind: 'probable_match', detail: `Matched to ${fullName(p)} by name and agency only${diffs.length ? `: ${diffs.join('; ')}` : ''}. Check it is the same person.` };
  }
  return diffs.length ? { kind: 'mismatch', detail: `Matched by ${how === 'userName' ? 'user name' : 'email'}; ${diffs.join('; ')}.` } : null;
}

interface Matcher {
  byUser: Map<string, RosterPerson>;
  byEmail: Map<string, RosterPerson>;
  byName: Map<string, RosterPerson | null>;
}

function find(m: Matcher, row: RosterRow): { person: RosterPerson; how: How } | null {
  const byUser = row.userName ? m.byUser.get(lower(row.userName)) : undefined;
  if (byUser) return { person: byUser, how: 'userName' };
  const byEmail = row.email ? m.byEmail.get(lower(row.email)) : undefined;
  if (byEmail) return { person: byEmail, how: 'email' };
  const byName = row.name && row.agency ? m.byName.get(nameAgencyKey(row.name, row.agency)) : undefined;
  return byName ? { person: byName, how: 'probable' } : null;
}

/**
 * Every finding of a user export against the master list. Accounts are matched by HMIS user name,
 * then email, then (as a probable match) name and agency; each person answers for one account,
 * so a second account of the same person is a duplicate, as is a user name the file repeats.
 */
export function matchRoster(fileName: string, people: readonly RosterPerson[], rows: readonly RosterRow[]): RosterReport {
  const m = indexPeople(people, rows);
  const lines: RosterLine[] = [];
  const claimed = new Map<number, RosterRow>();
  const userRows = new Map<string, number>();
  const add = (kind: RosterFinding, rosterRow: RosterRow | null, p: RosterPerson | null, detail: string) =>
    lines.push({ kind, rosterRow, personId: p?.id ?? null, personName: p ? fullName(p) : null, detail });

  for (const row of rows) {
    if (!row.userName && !row.email) {
      add('incomplete_row', row, null, `Row ${row.row} has neither a user name nor an email, so it cannot be matched.`);
      continue;
    }
    const userKey = lower(row.userName);
    const firstRow = userKey ? userRows.get(userKey) : undefined;
    if (firstRow !== undefined) {
      add('duplicate', row, null, `User name ${row.userName} repeats row ${firstRow} of the file.`);
      continue;
    }
    if (userKey) userRows.set(userKey, row.row);
    const match = find(m, row);
    const earlier = match && claimed.get(match.person.id);
    if (match && earlier) {
      add('duplicate', row, match.person, `${fullName(match.person)} already has account ${earlier.userName || earlier.email} (row ${earlier.row}); one person should hold one account.`);
      continue;
    }
    if (match) claimed.set(match.person.id, row);
    if (!row.active) {
      if (match && countsAsCertified(match.person.stage)) {
        add('inactive_in_hmis', row, match.person, `${accountOf(row)} is ${row.status || 'inactive'} in the HMIS, but ${fullName(match.person)} is certified here.`);
      }
      continue;
    }
    if (!match) {
      add('to_deactivate', row, null, `${accountOf(row)} is active, but no one on the master list has ${[row.userName && 'this user name', row.email && `the email ${row.email}`].filter(Boolean).join(' or ')}. Deactivate it in the HMIS.`);
      continue;
    }
    const judged = judgeMatched(row, match.person, match.how);
    if (judged) add(judged.kind, row, match.person, judged.detail);
  }
  let certifiedPeople = 0;
  for (const p of people) {
    if (!countsAsCertified(p.stage)) continue;
    certifiedPeople += 1;
    if (!claimed.has(p.id)) add('no_account', null, p, `${fullName(p)} is certified here${p.userName ? ` (user name ${p.userName})` : ''}, but the file has no account for them.`);
  }
  return { fileName, rows: rows.length, certifiedPeople, counts: countLines(lines), lines: sortLines(lines) };
}

function countLines(lines: readonly RosterLine[]): Record<RosterFinding, number> {
  const counts = Object.fromEntries(ROSTER_FINDINGS.map((k) => [k, 0])) as Record<RosterFinding, number>;
  for (const line of lines) counts[line.kind] += 1;
  return counts;
}

const ORDER = new Map(ROSTER_FINDINGS.map((k, i) => [k, i]));

function sortLines(lines: RosterLine[]): RosterLine[] {
  return lines.sort((a, b) => (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0) || (a.rosterRow?.row ?? Infinity) - (b.rosterRow?.row ?? Infinity) || collator.compare(a.personName ?? '', b.personName ?? ''));
}
