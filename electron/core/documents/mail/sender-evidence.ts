/**
 * The sender of the email a form came in is evidence: a Staff Verification from the supervisor's
 * address on record, or an agreement from the new user's own address, makes the match surer; a
 * sender outside the agency's domain is a finding for staff to judge, never a refusal.
 */
import type { Candidate, Finding, MailAddress, RecognizedKind } from '../../../../shared/domain/document';
import type { Db } from '../../db/open-database';
import { peopleByEmails } from '../recognition/person-match.repo';
import { senderFacts } from './sender.repo';

/** What the sender's own address adds to a match: enough to lift a name-and-agency match to certain. */
const SENDER_BOOST = 0.1;
/** A person named only by the sender's address (the form names no one): a suggestion, never certain. */
const SENDER_ONLY = 0.8;
const MAX_CONFIDENCE = 0.99;

const domainOf = (address: string | null | undefined) => address?.split('@')[1]?.toLowerCase() ?? null;
const same = (a: string | null | undefined, b: string | null | undefined) => Boolean(a && b && a.toLowerCase() === b.toLowerCase());

function isTheirSender(kind: RecognizedKind, from: string, facts: { email: string; supervisorEmail: string | null }): string | null {
  if (kind !== 'end_user_agreement' && same(from, facts.supervisorEmail)) return 'sent from the supervisor’s address on record';
  if (kind !== 'staff_verification' && same(from, facts.email)) return 'sent from their own address';
  return null;
}

/** The form's candidates with the sender's evidence added, best first. */
export async function withSenderEvidence(db: Db, kind: RecognizedKind, from: MailAddress | null, candidates: readonly Candidate[]): Promise<Candidate[]> {
  if (!from) return [...candidates];
  const facts = new Map((await senderFacts(db, candidates.map((c) => c.personId))).map((f) => [f.id, f]));
  const raised = candidates.map((c) => {
    const why = isTheirSender(kind, from.address, facts.get(c.personId) ?? { email: c.email, supervisorEmail: null });
    return why ? { ...c, confidence: Math.min(MAX_CONFIDENCE, c.confidence + SENDER_BOOST), reason: `${c.reason}, ${why}` } : c;
  });
  // An agreement whose form names no one on the list, sent from someone's own address: suggest them.
  if (kind !== 'staff_verification' && !raised.some((c) => same(c.email, from.address))) {
    for (const p of await peopleByEmails(db, [from.address])) {
      raised.push({ personId: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email, agencyName: p.agencyName, confidence: SENDER_ONLY, reason: 'the email was sent from their own address' });
    }
  }
  return raised.sort((a, b) => b.confidence - a.confidence);
}

export interface SenderPerson {
  firstName: string;
  lastName: string;
  email: string;
  supervisorName: string | null;
  supervisorEmail: string | null;
}

/** On review: who sent the form, and whether the address belongs to the agency. */
export function senderFinding(kind: RecognizedKind, from: MailAddress | null, person: SenderPerson): Finding {
  const base = { key: 'sender' as const, label: 'Sender' };
  if (!from) return { ...base, status: 'check', message: 'The email does not say who sent it. Check with the agency that the form comes from them.' };
  const who = from.name ? `${from.name} <${from.address}>` : from.address;
  if (kind !== 'end_user_agreement' && same(from.address, person.supervisorEmail)) return { ...base, status: 'ok', message: `Sent by ${who}, the supervisor’s address on record.` };
  if (kind !== 'staff_verification' && same(from.address, person.email)) return { ...base, status: 'ok', message: `Sent by ${who}, ${person.firstName} ${person.lastName}’s own address.` };
  const agencyDomains = [...new Set([domainOf(person.email), domainOf(person.supervisorEmail)].filter((d): d is string => d !== null))];
  const domain = domainOf(from.address);
  if (domain && agencyDomains.includes(domain)) return { ...base, status: 'ok', message: `Sent by ${who}, from the agency’s domain (${domain}).` };
  const theirs = agencyDomains.length ? ` (${agencyDomains.join(' or ')})` : '';
  return { ...base, status: 'check', message: `Sent from ${domain ?? 'an address with no domain'}, not the agency's domain${theirs}: ${who}. Make sure the form really comes from the agency.` };
}
