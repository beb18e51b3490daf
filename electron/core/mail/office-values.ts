import type { Db } from '../db/open-database';
import { LOGIN_URL_KEY } from '../settings/office-keys';
import { getSetting } from '../settings/settings.repo';
import type { TemplateContent } from './templates/template-render';
import { readMailSettings, type StoredMailSettings } from './settings/mail-settings-store';

export interface OfficeValues {
  settings: StoredMailSettings;
  loginUrl: string;
}

export async function readOfficeValues(db: Db): Promise<OfficeValues> {
  const [settings, loginUrl] = await Promise.all([readMailSettings(db), getSetting(db, LOGIN_URL_KEY)]);
  return { settings, loginUrl: loginUrl ?? '' };
}

/**
 * The rule for an empty Settings → Office value a template uses. Only the HMIS login address
 * refuses (credentials-service: an email with a password and no address to use it is worthless);
 * the others warn, in the template preview, since each has a fallback a message can go out with:
 * office name → "HMIS Office", signature → the office name, reply-to → the From address.
 */
const NEEDS: { uses: RegExp; empty: (o: OfficeValues) => boolean; message: string }[] = [
  { uses: /office\.name/, empty: (o) => !o.settings.officeName, message: 'The office name is empty, so messages say "HMIS Office". Set it in Settings → Office.' },
  // Every message ends with the signature (see withSignature), whether the template places it or not.
  { uses: /(?:)/, empty: (o) => !o.settings.signature, message: 'The signature is empty, so messages end with the office name only. Set it in Settings → Office.' },
  { uses: /office\.email/, empty: (o) => !o.settings.replyTo, message: 'The reply-to address is empty, so replies go to the From address. Set it in Settings → Office.' },
  { uses: /credentials\.loginUrl/, empty: (o) => !o.loginUrl, message: 'The HMIS login address is empty: credentials cannot be issued until it is set in Settings → Office.' },
];

/** What this template would send with an empty office value, as sentences. */
export function missingOfficeValues(content: TemplateContent, office: OfficeValues): string[] {
  const source = `${content.subject}\n${content.text}\n${content.html}`;
  return NEEDS.filter((n) => n.uses.test(source) && n.empty(office)).map((n) => n.message);
}
