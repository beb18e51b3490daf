import { PDFDocument, PDFHexString } from 'pdf-lib';
import type { Core } from '../../create-core';
import type { Person } from '../../../../shared/domain/person';
import { makeSampleForm, type SampleFormOptions, type SampleFormPerson } from '../samples/sample-forms';

/** A person on the list with a supervisor, as a Staff Verification would name them. */
export async function arrangePerson(core: Core, overrides: Partial<{ firstName: string; lastName: string; email: string; agency: string; level: string }> = {}) {
  const agencies = await core.handlers['agencies.list']({});
  const agencyName = overrides.agency ?? 'Delta Recovery Services';
  const agency = agencies.find((a) => a.name === agencyName) ?? (await core.handlers['agencies.create']({ name: agencyName }));
  const levels = await core.handlers['accessLevels.list']({});
  const level = levels.find((l) => l.name === (overrides.level ?? 'Direct Service Staff with Assessments')) ?? levels[0]!;
  const firstName = overrides.firstName ?? 'Ngozi';
  const lastName = overrides.lastName ?? 'Okafor';
  return core.handlers['people.create']({
    firstName,
    lastName,
    email: overrides.email ?? `${firstName}.${lastName}@delta.example.org`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    agencyId: agency.id,
    accessLevelId: level.id,
    supervisorName: 'James Nguyen',
    supervisorEmail: 'james.nguyen@delta.example.org',
    requestType: 'new_user',
    registeredOn: '2026-11-01',
  });
}

export function formPerson(person: Person): SampleFormPerson {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    agencyName: person.agencyName,
    accessLevelName: person.accessLevelName,
    supervisorName: person.supervisorName ?? 'James Nguyen',
    supervisorEmail: person.supervisorEmail ?? 'james.nguyen@delta.example.org',
  };
}

export const form = (person: Person, options: Omit<SampleFormOptions, 'person'>) => makeSampleForm({ person: formPerson(person), ...options });

/**
 * A PDF whose trailer says it is encrypted with a password we do not have: the standard security
 * handler with made-up keys, as a password-protected file looks to a reader without its password.
 */
export async function encryptedPdf(person: Person): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await form(person, { kind: 'staff_verification' }));
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44, O: PDFHexString.of('11'.repeat(32)), U: PDFHexString.of('22'.repeat(32)) });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  return doc.save({ useObjectStreams: false });
}

/** A form with its fields flattened into page text, as Acrobat's "Print to PDF" leaves it. */
export async function flattened(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  doc.getForm().flatten();
  return doc.save();
}

export const ascii = (text: string) => new TextEncoder().encode(text);
