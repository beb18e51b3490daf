import { COMMON_SAMPLE, type CommonMailData } from '../../../shared/domain/mail-templates';
import { orderedName } from '../../../shared/person-name';
import type { PersonMailFacts } from './mail-data.repo';
import type { StoredMailSettings } from './settings/mail-settings-store';

/**
 * The data every template gets: the person, their agency, level and supervisor, and the office.
 * Without a person (a test message) those parts are empty strings, never the sample's fiction.
 */
export function commonMailData(person: PersonMailFacts | undefined, settings: StoredMailSettings, today: string): CommonMailData {
  const blank = (obj: Record<string, unknown>) => Object.fromEntries(Object.keys(obj).map((k) => [k, ''])) as never;
  // Rows imported before names were put in order may still hold "Lee, Dana" as the first name.
  const name = person ? orderedName(person.firstName, person.lastName) : null;
  return {
    person: person && name
      ? { ...name, fullName: `${name.firstName} ${name.lastName}`.trim(), email: person.email, phone: person.phone ?? '' }
      : blank(COMMON_SAMPLE.person),
    agency: person ? { name: person.agencyName } : blank(COMMON_SAMPLE.agency),
    accessLevel: person ? { name: person.accessLevelName, includesAssessments: person.includesAssessments } : { name: '', includesAssessments: false },
    supervisor: person ? { name: person.supervisorName ?? '', email: person.supervisorEmail ?? '' } : blank(COMMON_SAMPLE.supervisor),
    office: officeData(settings),
    today,
  };
}

/** Empty texts count as unset: a message never signs off with nothing (Settings → Office warns meanwhile). */
function officeData(settings: StoredMailSettings): CommonMailData['office'] {
  const name = settings.officeName || settings.fromName || 'HMIS Office';
  return { name, email: settings.replyTo || settings.fromAddress || '', signature: settings.signature || name };
}
