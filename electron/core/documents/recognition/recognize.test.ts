import { describe, expect, it } from 'vitest';
import type { FormField, PdfExtract } from '../pdf/pdf-extract';
import { formFindings, formValues, personFindings, readForm } from './recognize';
import { sameName, splitName } from './text';

const extract = (lines: string[], fields: Partial<FormField>[] = []): PdfExtract => ({
  pageCount: 1,
  lines: lines.map((text) => ({ page: 1, text })),
  fields: fields.map((f) => ({ name: 'field', type: 'text', value: null, checked: null, page: 0, ...f })),
  hasJavaScript: false,
  actions: { uri: false, submitForm: false },
  attachments: [],
});

const LEVELS = [
  { name: 'Direct Service Staff with Assessments', synonyms: ['DSS with VI-SPDAT'] },
  { name: 'Read Only', synonyms: [] },
];

describe('reading a form', () => {
  it('splits a line holding several labels, the longest label winning', () => {
    const reading = readForm(extract(['STAFF VERIFICATION FOR HMIS ACCESS', 'Supervisor name: James Nguyen   Supervisor email: J.Nguyen@Delta.example.org', 'Email: ngozi@delta.example.org']), 'x.pdf');
    expect(formValues(reading)).toMatchObject({ supervisorName: 'James Nguyen', supervisorEmail: 'j.nguyen@delta.example.org', userEmail: 'ngozi@delta.example.org' });
  });

  it('reads values from form fields named in any common style, over the printed text', () => {
    const reading = readForm(extract(['HMIS End User Agreement', 'User name: ____________'], [{ name: 'EndUserName[0]', value: 'Okafor, Ngozi A.' }, { name: 'Signature1', type: 'signature', value: 'signed' }]), 'x.pdf');
    expect(reading.kind).toBe('end_user_agreement');
    expect(formValues(reading).userName).toBe('Okafor, Ngozi A.');
    expect(formFindings(reading, 'end_user_agreement')).toEqual([expect.objectContaining({ key: 'signature', status: 'ok', message: 'Signed: Digital signature' })]);
  });

  it('sees a tick typed or printed in front of the background-check statement, and an empty box', () => {
    const lines = (mark: string) => ['Staff Verification', `${mark}I verify that this person passed the agency's`, 'background check.'];
    for (const mark of ['[X] ', '☒', '✔ ', 'X ']) expect(readForm(extract(lines(mark)), 'x.pdf').attestation.ticked, mark).toBe(true);
    for (const mark of ['[ ] ', '☐ ']) expect(readForm(extract(lines(mark)), 'x.pdf').attestation.ticked, mark).toBe(false);
    expect(readForm(extract(lines('')), 'x.pdf').attestation).toEqual({ found: true, ticked: null, from: 'text' });
  });

  it('accepts the office’s other spellings of an access level, and flags a level not on the list', () => {
    const person = { firstName: 'Ngozi', lastName: 'Okafor', accessLevelName: 'Direct Service Staff with Assessments' };
    const finding = (level: string) => personFindings(readForm(extract(['Staff Verification', `Access level requested: ${level}`]), 'x.pdf'), 'staff_verification', person, LEVELS).find((f) => f.key === 'accessLevel');
    expect(finding('DSS with VI-SPDAT')?.status).toBe('ok');
    expect(finding('direct service staff w/ assessments')?.status).toBe('ok');
    expect(finding('Read Only')).toMatchObject({ status: 'problem', message: 'The form asks for Read Only, but the record asks for Direct Service Staff with Assessments.' });
    expect(finding('Super user')?.status).toBe('check');
  });

  it('guesses the kind from the file name only when a scan has no text', () => {
    expect(readForm(extract([]), 'Staff Verification - Okafor.pdf')).toMatchObject({ kind: 'staff_verification', kindFromFileName: true, hasText: false });
    expect(readForm(extract(['Quarterly report']), 'Staff Verification.pdf').kind).toBe('staff_verification');
    expect(readForm(extract(['Quarterly report']), 'report.pdf').kind).toBe('other');
  });
});

describe('names', () => {
  it('reads "Last, First", middle initials, "/s/" and accents as the same person', () => {
    expect(splitName('/s/ Ngozi A. Okafor')).toEqual({ first: 'ngozi', last: 'okafor' });
    expect(sameName('Okafor, Ngozi', 'Ngozi', 'Okafor')).toBe(true);
    expect(sameName('Tomas Herrera', 'Tomás', 'Herrera')).toBe(true);
    expect(sameName('Maria de la Cruz', 'María', 'de la Cruz')).toBe(true);
    expect(sameName('Ngozi Okafor', 'Tomás', 'Herrera')).toBe(false);
  });
});
