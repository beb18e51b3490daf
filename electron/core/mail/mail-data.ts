import { COMMON_SAMPLE, type CommonMailData } from '../../../shared/domain/mail-templates';
import type { PersonMailFacts } from './mail-data.repo';
import type { StoredMailSettings } from './settings/mail-settings-store';

/**
 * The data every template gets: the person, their agency, level and supervisor, and the office.
 * Without a person (a test message) those parts are empty strings, never the sample's fiction.
 */
export function commonMailData(person: PersonMailFacts | undefined, settings: StoredMailSettings, today: string): CommonMailData {
  const blank = (obj: Record<string, unknown>) => Object.fromEntries(Object.keys(obj).map((k) => [k, ''])) as never;
  return {
    person: person
      ? { firstName: person.firstName, lastName: person.lastName, fullName: `${person.firstName} ${person.lastName}`, email: person.email, phone: person.phone ?? '' }
      : blank(COMMON_SAMPLE.person),
    agency: person ? { name: person.agencyName } : blank(COMMON_SAMPLE.agency),
    accessLevel: person ? { name: person.accessLevelName, includesAssessments: person.includesAssessments } : { name: '', includesAssessments: false },
    supervisor: person ? { name: person.supervisorName ?? '', email: person.supervisorEmail ?? '' } : blank(COMMON_SAMPLE.supervisor),
    office: { name: settings.officeName ?? settings.fromName ?? 'HMIS Office', email: settings.replyTo ?? settings.fromAddress ?? '', signature: settings.signature ?? settings.officeName ?? '' },
    today,
  };
}
