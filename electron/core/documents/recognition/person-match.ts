import type { Candidate } from '../../../../shared/domain/document';
import type { Db } from '../../db/open-database';
import { peopleByEmails, peopleByNameWords, type MatchablePerson } from './person-match.repo';
import type { FormReading } from './recognize';
import { normalize, sameName, splitName } from './text';

/** People whose first and last names match, through the accent-blind full-text index. */
async function byName(db: Db, written: string): Promise<MatchablePerson[]> {
  const name = splitName(written);
  if (!name) return [];
  const rows = await peopleByNameWords(db, name);
  return rows.filter((p) => sameName(written, p.firstName, p.lastName));
}

const toCandidate = (p: MatchablePerson, confidence: number, reason: string): Candidate => ({
  personId: p.id,
  name: `${p.firstName} ${p.lastName}`,
  email: p.email,
  agencyName: p.agencyName,
  confidence,
  reason,
});

/**
 * Who the form is about, best first. Only the new user's own email, with no other name written on
 * the form, is certain (0.97); an email elsewhere on the form, or a name alone, is a suggestion a
 * person confirms. The supervisor's email never names the user.
 */
export async function findCandidates(db: Db, reading: FormReading): Promise<Candidate[]> {
  const userEmail = reading.values.userEmail?.value?.toLowerCase() ?? null;
  const supervisorEmail = reading.values.supervisorEmail?.value?.toLowerCase() ?? null;
  const writtenName = reading.values.userName?.value ?? null;
  const found = new Map<number, Candidate>();
  const offer = (c: Candidate) => {
    if ((found.get(c.personId)?.confidence ?? -1) < c.confidence) found.set(c.personId, c);
  };
  const emails = reading.emails.filter((e) => e !== supervisorEmail);
  for (const p of await peopleByEmails(db, emails)) {
    const own = p.email.toLowerCase() === userEmail;
    const nameDiffers = writtenName !== null && !sameName(writtenName, p.firstName, p.lastName);
    if (nameDiffers) offer(toCandidate(p, 0.6, `email on the form, but the form names “${writtenName}”`));
    else offer(toCandidate(p, own ? 0.97 : 0.85, own ? 'the new user’s email on the form' : 'email found on the form'));
  }
  if (writtenName) {
    const named = await byName(db, writtenName);
    const agency = reading.values.agency?.value ? normalize(reading.values.agency.value) : null;
    for (const p of named) {
      const sameAgency = agency !== null && normalize(p.agencyName) === agency;
      const confidence = (named.length === 1 ? 0.75 : 0.45) + (sameAgency ? 0.1 : 0);
      offer(toCandidate(p, confidence, sameAgency ? 'name and agency on the form' : 'name on the form'));
    }
  }
  return [...found.values()].sort((a, b) => b.confidence - a.confidence).slice(0, 10);
}
