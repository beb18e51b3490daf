/**
 * Recognition of the two signed forms: which form a PDF is, what is written on it, and the checks
 * staff see on review. Every rule is here, and every phrase is in
 * resources/recognition/document-phrases.json, so an office can fit both to its own form versions.
 *
 * Findings are honest about what text can show: a tick drawn as a picture or a signature written
 * by hand leaves no text, so those become "check by eye", never a false "problem".
 */
import phrases from '../../../../resources/recognition/document-phrases.json' with { type: 'json' };
import type { DocumentKind, Finding, FormValues, RecognizedKind } from '../../../../shared/domain/document';
import type { FormField, PdfExtract } from '../pdf/pdf-extract';
import { cleanValue, emailsIn, fieldWords, hasPhrase, labelRegex, normalize, sameName } from './text';

type ValueKey = keyof FormValues | 'date' | 'supervisorSignature' | 'userSignature';

/** Every label phrase with the value it introduces; longest first, so the most specific wins. */
const LABELS: { key: ValueKey; norm: string; regex: RegExp }[] = [
  ...Object.entries(phrases.labels).flatMap(([key, list]) => list.map((phrase) => ({ key: key as ValueKey, phrase }))),
  ...phrases.signatures.staff_verification.map((phrase) => ({ key: 'supervisorSignature' as const, phrase })),
  ...phrases.signatures.end_user_agreement.map((phrase) => ({ key: 'userSignature' as const, phrase })),
]
  .map((label) => ({ key: label.key, norm: normalize(label.phrase), regex: labelRegex(label.phrase) }))
  .sort((a, b) => b.norm.length - a.norm.length);

/** The table's phrases compared in normalized form, normalized once. */
const KIND_PHRASES = {
  staff_verification: { titles: phrases.kinds.staff_verification.titles.map(normalize), clues: phrases.kinds.staff_verification.clues.map(normalize) },
  end_user_agreement: { titles: phrases.kinds.end_user_agreement.titles.map(normalize), clues: phrases.kinds.end_user_agreement.clues.map(normalize) },
};
const ATTESTATION = phrases.attestation.map(normalize);

const SIGNATURE_KEY: Record<DocumentKind, ValueKey> = { staff_verification: 'supervisorSignature', end_user_agreement: 'userSignature' };

interface Labelled {
  value: string | null;
  /** A form field (what was typed is certain) or printed text (a hand-written value is invisible). */
  from: 'field' | 'text';
}

/** What the reader found on a form, before any person is considered. */
export interface FormReading {
  kind: RecognizedKind;
  /** True when the kind came only from the file name (a scan). */
  kindFromFileName: boolean;
  hasText: boolean;
  hasJavaScript: boolean;
  actions: PdfExtract['actions'];
  attachments: string[];
  values: Partial<Record<ValueKey, Labelled>>;
  /** Background-check box: ticked, not ticked, or null when the text cannot show it. */
  attestation: { found: boolean; ticked: boolean | null; from: 'field' | 'text' | null };
  emails: string[];
  /** All text, normalized, for "is this name anywhere on the form". */
  text: string;
}

function scoreKind(kind: DocumentKind, firstLines: string, all: string): number {
  const table = KIND_PHRASES[kind];
  let score = 0;
  for (const title of table.titles) score += hasPhrase(firstLines, title, true) ? 10 : hasPhrase(all, title, true) ? 4 : 0;
  for (const clue of table.clues) score += hasPhrase(all, clue, true) ? 1 : 0;
  return score;
}

function guessKind(extract: PdfExtract, fileName: string): { kind: RecognizedKind; fromFileName: boolean } {
  const firstLines = normalize(extract.lines.slice(0, 6).map((l) => l.text).join(' '));
  const all = normalize([...extract.lines.map((l) => l.text), ...extract.fields.map((f) => fieldWords(f.name))].join(' '));
  const sv = scoreKind('staff_verification', firstLines, all);
  const eua = scoreKind('end_user_agreement', firstLines, all);
  if (Math.max(sv, eua) >= 2 && sv !== eua) return { kind: sv > eua ? 'staff_verification' : 'end_user_agreement', fromFileName: false };
  const name = normalize(fileName.replace(/\.pdf$/i, ''));
  for (const kind of ['staff_verification', 'end_user_agreement'] as const) {
    if (phrases.kinds[kind].fileNames.some((phrase) => hasPhrase(name, phrase))) return { kind, fromFileName: true };
  }
  return { kind: 'other', fromFileName: false };
}

/** "Label: value  Other label: value" -> each label's value, the longest label winning overlaps. */
function valuesInLine(text: string): { key: ValueKey; value: string | null }[] {
  if (!text.includes(':')) return [];
  const taken: { key: ValueKey; start: number; end: number }[] = [];
  for (const label of LABELS) {
    for (const match of text.matchAll(label.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!taken.some((t) => start < t.end && end > t.start)) taken.push({ key: label.key, start, end });
    }
  }
  taken.sort((a, b) => a.start - b.start);
  return taken.map((t, i) => ({ key: t.key, value: cleanValue(text.slice(t.end, taken[i + 1]?.start ?? text.length)) }));
}

function fieldKey(field: FormField): ValueKey | null {
  const words = fieldWords(field.name);
  return LABELS.find((label) => hasPhrase(words, label.norm, true))?.key ?? null;
}

function readValues(extract: PdfExtract): FormReading['values'] {
  const values: FormReading['values'] = {};
  for (const line of extract.lines) {
    for (const { key, value } of valuesInLine(line.text)) if (!values[key]?.value) values[key] = { value, from: 'text' };
  }
  // A filled-in field is what the sender typed: it outranks printed text.
  for (const field of extract.fields) {
    const key = field.type === 'signature' ? 'supervisorSignature' : fieldKey(field);
    if (!key || field.checked !== null) continue;
    if (field.type === 'signature') {
      for (const k of ['supervisorSignature', 'userSignature'] as const) values[k] = { value: field.value ? 'Digital signature' : null, from: 'field' };
    } else if (!values[key]?.value || cleanValue(field.value)) values[key] = { value: cleanValue(field.value), from: 'field' };
  }
  return values;
}

/** A letter mark ("X") must stand alone before the text; a symbol ("☒", "[x]") may touch it. */
function startsWithAny(text: string, marks: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return marks.some((m) => (/^\p{L}$/u.test(m) ? lower.startsWith(`${m.toLowerCase()} `) : lower.startsWith(m.toLowerCase())));
}

function readAttestation(extract: PdfExtract, kind: RecognizedKind): FormReading['attestation'] {
  const boxes = extract.fields.filter((f) => f.checked !== null);
  const named = boxes.find((f) => ATTESTATION.some((p) => hasPhrase(fieldWords(f.name), p, true)));
  const box = named ?? (kind === 'staff_verification' && boxes.length === 1 ? boxes[0] : undefined);
  if (box) return { found: true, ticked: box.checked, from: 'field' };
  const index = extract.lines.findIndex((l) => ATTESTATION.some((p) => hasPhrase(normalize(l.text), p, true)));
  if (index < 0) return { found: false, ticked: null, from: null };
  // The statement may wrap, with the box in front of its first line.
  const candidates = extract.lines.slice(Math.max(0, index - 1), index + 1).map((l) => l.text.trim());
  if (candidates.some((t) => startsWithAny(t, phrases.tickMarks))) return { found: true, ticked: true, from: 'text' };
  if (candidates.some((t) => startsWithAny(t, phrases.emptyBoxes))) return { found: true, ticked: false, from: 'text' };
  return { found: true, ticked: null, from: 'text' };
}

/** Reads a form: its kind, labelled values, the attestation box and every email on it. */
export function readForm(extract: PdfExtract, fileName: string): FormReading {
  const { kind, fromFileName } = guessKind(extract, fileName);
  const rawText = [...extract.lines.map((l) => l.text), ...extract.fields.map((f) => f.value ?? '')].join('\n');
  return {
    kind,
    kindFromFileName: fromFileName,
    hasText: extract.lines.length > 0 || extract.fields.some((f) => cleanValue(f.value)),
    hasJavaScript: extract.hasJavaScript,
    actions: extract.actions,
    attachments: extract.attachments,
    values: readValues(extract),
    attestation: readAttestation(extract, kind),
    emails: [...new Set(emailsIn(rawText))],
    text: normalize(rawText),
  };
}

export function formValues(reading: FormReading): FormValues {
  const v = (key: keyof FormValues) => reading.values[key]?.value ?? null;
  return { userName: v('userName'), userEmail: v('userEmail')?.toLowerCase() ?? null, supervisorName: v('supervisorName'), supervisorEmail: v('supervisorEmail')?.toLowerCase() ?? null, agency: v('agency'), accessLevel: v('accessLevel') };
}

function signatureFinding(reading: FormReading, kind: DocumentKind): Finding {
  const label = kind === 'staff_verification' ? 'Supervisor signature' : 'User signature';
  const found = reading.values[SIGNATURE_KEY[kind]];
  const base = { key: 'signature' as const, label };
  if (found?.value) return { ...base, status: 'ok', message: `Signed: ${found.value}` };
  if (found?.from === 'field') return { ...base, status: 'problem', message: 'The signature field is empty: the form was not signed.' };
  if (found) return { ...base, status: 'check', message: 'Nothing is typed on the signature line. If it was signed by hand, check by eye.' };
  return { ...base, status: 'check', message: 'No signature line was found. Check by eye.' };
}

function attestationFinding(reading: FormReading): Finding {
  const base = { key: 'attestation' as const, label: 'Background check confirmed' };
  const { found, ticked } = reading.attestation;
  if (ticked === true) return { ...base, status: 'ok', message: 'The background-check box is ticked.' };
  if (ticked === false) return { ...base, status: 'problem', message: 'The background-check box is not ticked.' };
  if (found) return { ...base, status: 'check', message: 'Could not tell whether the background-check box is ticked. Check by eye.' };
  return { ...base, status: 'check', message: 'The background-check statement was not found; this may be another version of the form. Check by eye.' };
}

/** The checks that need no person: text present, JavaScript, signature, background-check box. */
/** What the file could do in a viewer: said on review, because "Open original" hands it to one. */
function activeContentFindings(reading: FormReading): Finding[] {
  const findings: Finding[] = [];
  if (reading.hasJavaScript) findings.push({ key: 'javascript', status: 'check', label: 'Embedded JavaScript', message: 'The PDF carries JavaScript. It was not run and never will be here; open the original with care.' });
  const { uri, submitForm } = reading.actions;
  if (uri || submitForm) {
    const what = [uri ? 'links to a web address' : '', submitForm ? 'a button that sends the form’s contents over the internet' : ''].filter(Boolean).join(' and ');
    findings.push({ key: 'actions', status: 'check', label: 'Links and actions', message: `The PDF has ${what}. Nothing was followed here; do not click them when you open the original.` });
  }
  if (reading.attachments.length > 0) {
    const named = reading.attachments.filter(Boolean).map((n) => `“${n}”`);
    const files = reading.attachments.length === 1 ? 'a file' : `${reading.attachments.length} files`;
    findings.push({ key: 'attachments', status: 'check', label: 'Attached files', message: `The PDF carries ${files} inside it${named.length ? ` (${named.join(', ')})` : ''}. It was not opened; a signed form needs none, so do not open it from the viewer.` });
  }
  return findings;
}

export function formFindings(reading: FormReading, kind: RecognizedKind): Finding[] {
  const findings: Finding[] = activeContentFindings(reading);
  if (!reading.hasText) return [...findings, { key: 'text', status: 'check', label: 'Text', message: 'No text found — this looks like a scan. Check the form by eye.' }];
  if (kind === 'other') return [...findings, { key: 'text', status: 'check', label: 'Form', message: 'This does not read as a Staff Verification or an End User Agreement. Check by eye.' }];
  findings.push(signatureFinding(reading, kind));
  if (kind === 'staff_verification') findings.push(attestationFinding(reading));
  return findings;
}

export interface LevelNames {
  name: string;
  /** Other spellings the office accepts (intake's access-level synonyms). */
  synonyms: string[];
}

function nameFinding(reading: FormReading, person: { firstName: string; lastName: string }): Finding {
  const base = { key: 'name' as const, label: 'Name matches the record' };
  const full = `${person.firstName} ${person.lastName}`;
  const written = reading.values.userName?.value;
  if (written && sameName(written, person.firstName, person.lastName)) return { ...base, status: 'ok', message: `The form names ${written}.` };
  if (written) return { ...base, status: 'problem', message: `The form names “${written}”, but the record is ${full}.` };
  if (hasPhrase(reading.text, full)) return { ...base, status: 'ok', message: `${full} is named on the form.` };
  return { ...base, status: 'check', message: `No user name was found on the form. Check by eye that it is ${full}'s.` };
}

function levelFinding(written: string, wanted: string, levels: readonly LevelNames[]): Finding {
  const base = { key: 'accessLevel' as const, label: 'Access level matches the request' };
  const spellings = (level: LevelNames) => [level.name, ...level.synonyms].map(normalize);
  const on = levels.find((level) => spellings(level).includes(normalize(written)));
  if (on?.name === wanted) return { ...base, status: 'ok', message: `The form asks for ${on.name}.` };
  if (on) return { ...base, status: 'problem', message: `The form asks for ${on.name}, but the record asks for ${wanted}.` };
  return { ...base, status: 'check', message: `The form says “${written}”, which is not one of the office's access levels. Check by eye.` };
}

/** The checks against the person's record: name, and the access level on a Staff Verification. */
export function personFindings(reading: FormReading, kind: DocumentKind, person: { firstName: string; lastName: string; accessLevelName: string }, levels: readonly LevelNames[]): Finding[] {
  if (!reading.hasText) return [];
  const findings = [nameFinding(reading, person)];
  const level = reading.values.accessLevel?.value;
  if (level) findings.push(levelFinding(level, person.accessLevelName, levels));
  else if (kind === 'staff_verification') findings.push({ key: 'accessLevel', status: 'check', label: 'Access level matches the request', message: 'No access level was found on the form. Check by eye.' });
  return findings;
}
