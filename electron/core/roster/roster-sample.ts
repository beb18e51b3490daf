import { AppError } from '../../../shared/app-error';
import { countsAsCertified } from '../../../shared/domain/roster';
import type { RosterPerson } from './roster.repo';

export const SAMPLE_HEADERS = ['Username', 'First Name', 'Last Name', 'Email', 'Agency', 'Role', 'Status', 'Last Login'];
/** Certified people the sample needs: one for each way a certified person's account can differ. */
const NEEDED = 6;
const MAX_ROWS = 20_000;

const dayBefore = (today: string, days: number) => new Date(Date.parse(`${today}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const userNameOf = (p: RosterPerson) => p.userName ?? `${p.firstName[0] ?? 'x'}${p.lastName}`.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A vendor user export made from the list as it is, bent so every finding appears once at least:
 * the first certified people are left out, moved agency, closed, renamed by email, listed twice
 * and given another email; a person not certified keeps an account; a stranger holds one; a row
 * has neither user name nor email. Everyone else certified has a matching account.
 */
export function sampleRosterRows(people: readonly RosterPerson[], today: string): string[][] {
  const certified = people.filter((p) => countsAsCertified(p.stage));
  if (certified.length < NEEDED) {
    throw new AppError(
      'invalid',
      `The sample roster needs at least ${NEEDED} certified people on the list; there ${certified.length === 1 ? 'is' : 'are'} ${certified.length}. Load the sample data from the Welcome page, or issue credentials first.`,
    );
  }
  const [omitted, moved, closed, probable, twice, reEmailed] = certified as [RosterPerson, RosterPerson, RosterPerson, RosterPerson, RosterPerson, RosterPerson];
  void omitted;
  const otherAgency = people.find((p) => p.agency !== moved.agency)?.agency ?? `${moved.agency} (old)`;
  const row = (p: RosterPerson, i: number, change: Partial<Record<'userName' | 'email' | 'agency' | 'status', string>> = {}) => [
    change.userName ?? userNameOf(p),
    p.firstName,
    p.lastName,
    change.email ?? p.email,
    change.agency ?? p.agency,
    p.accessLevel,
    change.status ?? 'Active',
    dayBefore(today, (i * 7) % 90),
  ];
  const rows: string[][] = [
    row(moved, 1, { agency: otherAgency }),
    row(closed, 2, { status: 'Inactive' }),
    row(probable, 3, { userName: `${userNameOf(probable)}2`, email: `${userNameOf(probable)}.personal@example.com` }),
    row(twice, 4),
    row(twice, 5),
    row(reEmailed, 6, { email: `old.${reEmailed.email}` }),
  ];
  certified.slice(NEEDED, MAX_ROWS).forEach((p, i) => rows.push(row(p, i + 7)));
  const uncertified = people.find((p) => !countsAsCertified(p.stage));
  if (uncertified) rows.push(row(uncertified, 8));
  rows.push(['jmorales.former', 'Jordan', 'Morales', 'jordan.morales@former-agency.example.org', moved.agency, moved.accessLevel, 'Active', dayBefore(today, 200)]);
  rows.push(['', 'Front', 'Desk', '', moved.agency, moved.accessLevel, 'Active', '']);
  return rows;
}
