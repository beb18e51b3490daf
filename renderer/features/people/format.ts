import type { Person } from '../../../shared/domain/person';
import { plural } from '../../../shared/plural';

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function fullName(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return `${person.firstName} ${person.lastName}`;
}

/** "1,673 people", "1 person", "No people". */
export function peopleCount(total: number): string {
  if (total === 0) return 'No people';
  return plural(total, 'person', 'people');
}

/** A calendar date (`2026-03-31`) as the office reads it, never shifted by the time zone. */
export function formatDate(isoDate: string): string {
  const parsed = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? isoDate : dateFormat.format(parsed);
}

/** An instant in the reader's local time. */
export function formatInstant(iso: string): string {
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : instantFormat.format(parsed);
}
