import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterReport } from '../../../shared/domain/roster';
import { invoke } from '../intake/intake-test-support';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { accountOf, csvBytes, seededOffice, xlsxBytes, type Certified } from './roster-test-support';

let t: TempCore;
let office: Awaited<ReturnType<typeof seededOffice>>;
beforeAll(async () => {
  t = await tempCore();
  office = await seededOffice(t.core);
});
afterAll(() => t.dispose());

const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** A user export with one account for every kind of finding, and the lines the check must give. */
function everyKind() {
  const [exact, moved, closed, reNamed, probable, twice, ...rest] = office.certified as [Certified, Certified, Certified, Certified, Certified, Certified, ...Certified[]];
  const other = office.notCertified;
  const rows = [
    accountOf(exact),
    accountOf(moved, { agency: 'Sunset Shelter Network' }),
    accountOf(closed, { status: 'Inactive' }),
    accountOf(reNamed, { userName: 'old.login' }),
    accountOf(probable, { userName: 'zz.unknown', email: 'personal@example.com' }),
    ['ghost.user', 'Ghost, Casper', 'ghost@former.example.org', exact.agencyName, '', 'Active', '2025-01-02'],
    ['ghost.closed', 'Closed, Account', 'closed@former.example.org', exact.agencyName, '', 'Disabled', '2024-01-02'],
    accountOf({ ...other, userName: 'other.user' }),
    accountOf(exact, { email: 'exact.second@example.org' }),
    ['', 'Front Desk', '', exact.agencyName, '', 'Active', ''],
    accountOf(twice),
    accountOf(twice, { userName: 'second.account' }),
  ];
  const expected = [
    ['to_deactivate', 7, null, 'Account ghost.user is active, but no one on the master list has this user name or the email ghost@former.example.org. Deactivate it in the HMIS.'],
    ['to_deactivate', 9, other.id, `Account other.user is active, but ${name(other)} is not certified here (Training sent — awaiting quiz). Deactivate it in the HMIS.`],
    ...rest.map((p) => ['no_account', null, p.id, `${name(p)} is certified here (user name ${p.userName}), but the file has no account for them.`]).sort((a, b) => String(a[3]).localeCompare(String(b[3]))),
    ['mismatch', 3, moved.id, `Matched by user name; agency "Sunset Shelter Network" in the HMIS, "${moved.agencyName}" here.`],
    ['mismatch', 5, reNamed.id, `Matched by email; user name "old.login" in the HMIS, "${reNamed.userName}" here.`],
    ['probable_match', 6, probable.id, `Matched to ${name(probable)} by name and agency only: user name "zz.unknown" in the HMIS, "${probable.userName}" here; email "personal@example.com" in the HMIS, "${probable.email}" here. Check it is the same person.`],
    ['inactive_in_hmis', 4, closed.id, `Account ${closed.userName} is Inactive in the HMIS, but ${name(closed)} is certified here.`],
    ['duplicate', 10, null, `User name ${exact.userName} repeats row 2 of the file.`],
    ['duplicate', 13, twice.id, `${name(twice)} already has account ${twice.userName} (row 12); one person should hold one account.`],
    ['incomplete_row', 11, null, 'Row 11 has neither a user name nor an email, so it cannot be matched.'],
  ];
  return { rows, expected, rest };
}

const summary = (report: RosterReport) => report.lines.map((l) => [l.kind, l.rosterRow?.row ?? null, l.personId, l.detail]);

describe('roster.check', () => {
  it('finds every kind of finding in a CSV user export, each line once', async () => {
    const { rows, expected, rest } = everyKind();
    const report = await invoke(t.core, 'roster.check', { fileName: 'clarity-users.csv', bytes: csvBytes(rows) });
    expect(summary(report)).toEqual(expected);
    expect(report.counts).toEqual({ to_deactivate: 2, no_account: rest.length, mismatch: 2, probable_match: 1, inactive_in_hmis: 1, duplicate: 2, incomplete_row: 1 });
    expect(report.certifiedPeople).toBe(office.certified.length);
    expect(report.lines[0]?.rosterRow).toEqual({ row: 7, userName: 'ghost.user', name: 'Casper Ghost', email: 'ghost@former.example.org', agency: office.certified[0]?.agencyName, accessLevel: '', status: 'Active', lastLogin: '2025-01-02', active: true });
  });

  it('reads the same export saved as XLSX to the same lines', async () => {
    const { rows, expected } = everyKind();
    const report = await invoke(t.core, 'roster.check', { fileName: 'clarity-users.xlsx', bytes: await xlsxBytes(rows) });
    expect(summary(report)).toEqual(expected);
  });

  it('says what differs on a matched account: the name, the email, the agency or the access level', async () => {
    const [a, b, c, d, ...rest] = office.certified as [Certified, Certified, Certified, Certified, ...Certified[]];
    const rows = [
      [a.userName, 'Someone-Else, Totally', a.email, a.agencyName, a.accessLevelName, 'Active', '2026-11-20'],
      [b.userName, `${b.lastName}, ${b.firstName}`, 'work.address@elsewhere.example.org', b.agencyName, b.accessLevelName, 'Active', '2026-11-20'],
      accountOf(c, { agency: 'Sunset Shelter Network' }),
      [d.userName, `${d.lastName}, ${d.firstName}`, d.email, d.agencyName, 'Zeta Level Nobody Has', 'Active', '2026-11-20'],
      ...rest.map((p) => accountOf(p)),
    ];
    const report = await invoke(t.core, 'roster.check', { fileName: 'users.csv', bytes: csvBytes(rows) });
    expect(report.counts).toMatchObject({ mismatch: 4, to_deactivate: 0, no_account: 0, probable_match: 0 });
    const detail = (personId: number) => report.lines.find((l) => l.personId === personId)?.detail ?? '';
    expect(detail(a.id)).toBe(`Matched by user name; name "Totally Someone-Else" in the HMIS, "${name(a)}" here.`);
    expect(detail(b.id)).toBe(`Matched by user name; email "work.address@elsewhere.example.org" in the HMIS, "${b.email}" here.`);
    expect(detail(c.id)).toBe(`Matched by user name; agency "Sunset Shelter Network" in the HMIS, "${c.agencyName}" here.`);
    expect(detail(d.id)).toBe(`Matched by user name; access level "Zeta Level Nobody Has" in the HMIS, "${d.accessLevelName}" here.`);
  });

  it('finds nothing when every certified person has a matching account', async () => {
    const report = await invoke(t.core, 'roster.check', { fileName: 'clean.csv', bytes: csvBytes(office.certified.map((p) => accountOf(p))) });
    expect(report.lines).toEqual([]);
  });

  it('refuses a file with no user name or email column, naming the columns it found', async () => {
    const bytes = csvBytes([['Okafor', 'Delta']], ['Surname', 'Organization']);
    await expect(invoke(t.core, 'roster.check', { fileName: 'wrong.csv', bytes })).rejects.toThrow(
      'wrong.csv has no user name or email column (found: "Surname", "Organization"). Export the HMIS user list with the user name and email, or map those columns by hand.',
    );
  });

  it('uses the columns the user mapped instead of the guess', async () => {
    const p = office.certified[0] as Certified;
    const bytes = csvBytes([[p.userName, p.email, 'Active']], ['Col A', 'Col B', 'Col C']);
    const preview = await invoke(t.core, 'roster.preview', { fileName: 'odd.csv', bytes, columns: ['userName', 'email', 'status'] });
    expect(preview.columns.map((c) => c.field)).toEqual(['userName', 'email', 'status']);
    const report = await invoke(t.core, 'roster.check', { fileName: 'odd.csv', bytes, columns: ['userName', 'email', 'status'] });
    expect(report.counts.no_account).toBe(office.certified.length - 1);
    expect(report.counts.to_deactivate).toBe(0);
  });
});

describe('roster.preview', () => {
  it('guesses the columns of a Clarity-style staff list and shows the first rows', async () => {
    const { rows } = everyKind();
    const preview = await invoke(t.core, 'roster.preview', { fileName: 'clarity-users.csv', bytes: csvBytes(rows) });
    expect(preview.columns.map((c) => c.field)).toEqual(['userName', 'fullName', 'email', 'agency', 'accessLevel', 'status', 'lastLogin']);
    expect(preview.totalRows).toBe(rows.length);
    expect(preview.rows[0]?.name).toBe(name(office.certified[0] as Certified));
  });
});

describe('roster.sample and roster.export', () => {
  it('makes a sample export from the list that shows every kind of finding', async () => {
    const sample = await invoke(t.core, 'roster.sample', {});
    const report = await invoke(t.core, 'roster.check', { fileName: sample.fileName, bytes: sample.bytes });
    for (const count of Object.values(report.counts)) expect(count).toBeGreaterThan(0);
  });

  it('exports the findings as a CSV with formulas neutralised', async () => {
    const bytes = csvBytes([['=HYPERLINK("x")', '', 'evil@example.org', '', '', 'Active', '']]);
    const file = await invoke(t.core, 'roster.export', { fileName: 'users.csv', bytes });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(file.fileName).toBe('users findings.csv');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text.split('\r\n')[0]).toBe('\uFEFFFinding,Detail,Row,HMIS user name,Name in the HMIS,Email in the HMIS,Agency in the HMIS,Access level in the HMIS,Status,Last login,Person here,Person id');
  });
});
