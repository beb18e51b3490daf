import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DocumentKind } from '../../../../shared/domain/document';
import { END_USER_AGREEMENT, OFFICE_HEADER, STAFF_VERIFICATION } from './sample-form-text';
import { scanLikePng } from './sample-scan';

/** Who a sample form is about: what a supervisor or user would write on it. */
export interface SampleFormPerson {
  firstName: string;
  lastName: string;
  email: string;
  agencyName: string;
  accessLevelName: string;
  supervisorName: string;
  supervisorEmail: string;
}

export interface SampleFormOptions {
  kind: DocumentKind;
  person: SampleFormPerson;
  /** `fields`: a fillable form as filled in Acrobat; `flat`: the same printed to PDF (values are text). */
  style?: 'fields' | 'flat';
  signed?: boolean;
  /** Staff Verification only: the background-check box. */
  ticked?: boolean;
  /** As written on the form, e.g. 11/20/2026. */
  date?: string;
  /** A scan: one picture per page and no text at all. */
  imageOnly?: boolean;
}

interface Pen {
  page: PDFPage;
  y: number;
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

const LEFT = 56;
const VALUE_X = 230;

function line(pen: Pen, text: string, options: { size?: number; bold?: boolean; gap?: number } = {}): void {
  pen.page.drawText(text, { x: LEFT, y: pen.y, size: options.size ?? 10.5, font: options.bold ? pen.bold : pen.regular });
  pen.y -= options.gap ?? 16;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && current) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  return current ? [...lines, current] : lines;
}

/** A labelled value: a text field on a fillable form, plain text on a flat one, a blank line if empty. */
function labelled(pen: Pen, doc: PDFDocument, style: 'fields' | 'flat', label: string, name: string, value: string | null, font?: PDFFont): void {
  pen.page.drawText(`${label}:`, { x: LEFT, y: pen.y, size: 10.5, font: pen.regular });
  pen.page.drawLine({ start: { x: VALUE_X, y: pen.y - 5 }, end: { x: 520, y: pen.y - 5 }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4) });
  if (style === 'fields') {
    const field = doc.getForm().createTextField(name);
    if (value) field.setText(value);
    field.addToPage(pen.page, { x: VALUE_X, y: pen.y - 3, width: 290, height: 15, borderWidth: 0, font: font ?? pen.regular });
  } else if (value) {
    pen.page.drawText(value, { x: VALUE_X + 2, y: pen.y, size: 10.5, font: font ?? pen.regular });
  }
  pen.y -= 22;
}

function checkbox(pen: Pen, doc: PDFDocument, style: 'fields' | 'flat', name: string, ticked: boolean): void {
  if (style === 'fields') {
    const box = doc.getForm().createCheckBox(name);
    box.addToPage(pen.page, { x: LEFT, y: pen.y - 2, width: 11, height: 11 });
    if (ticked) box.check();
  } else {
    pen.page.drawRectangle({ x: LEFT, y: pen.y - 2, width: 11, height: 11, borderWidth: 0.8, borderColor: rgb(0, 0, 0) });
    if (ticked) pen.page.drawText('X', { x: LEFT + 2.2, y: pen.y, size: 10, font: pen.bold });
  }
}

function header(pen: Pen, title: string, version: string): void {
  line(pen, OFFICE_HEADER, { size: 9, gap: 26 });
  line(pen, title, { size: 16, bold: true, gap: 16 });
  line(pen, version, { size: 8.5, gap: 28 });
}

function staffVerification(pen: Pen, doc: PDFDocument, o: Required<Omit<SampleFormOptions, 'imageOnly'>>): void {
  const p = o.person;
  const style = o.style;
  header(pen, STAFF_VERIFICATION.title, STAFF_VERIFICATION.version);
  for (const text of STAFF_VERIFICATION.intro) line(pen, text, { size: 9.5, gap: 13 });
  pen.y -= 14;
  line(pen, STAFF_VERIFICATION.sectionUser, { bold: true, gap: 24 });
  labelled(pen, doc, style, 'Agency name', 'agency_name', p.agencyName);
  labelled(pen, doc, style, 'New user name', 'user_name', `${p.firstName} ${p.lastName}`);
  labelled(pen, doc, style, 'New user email', 'user_email', p.email);
  labelled(pen, doc, style, 'Access level requested', 'access_level', p.accessLevelName);
  pen.y -= 12;
  line(pen, STAFF_VERIFICATION.sectionSupervisor, { bold: true, gap: 24 });
  checkbox(pen, doc, style, 'background_check_confirmed', o.ticked);
  for (const text of STAFF_VERIFICATION.attestation) {
    pen.page.drawText(text, { x: LEFT + 20, y: pen.y, size: 10, font: pen.regular });
    pen.y -= 14;
  }
  pen.y -= 14;
  labelled(pen, doc, style, 'Supervisor name', 'supervisor_name', p.supervisorName);
  labelled(pen, doc, style, 'Supervisor email', 'supervisor_email', p.supervisorEmail);
  labelled(pen, doc, style, 'Supervisor signature', 'supervisor_signature', o.signed ? `/s/ ${p.supervisorName}` : null, pen.italic);
  labelled(pen, doc, style, 'Date signed', 'date_signed', o.signed ? o.date : null);
  pen.y -= 20;
  line(pen, STAFF_VERIFICATION.closing, { size: 8.5 });
}

function endUserAgreement(pen: Pen, doc: PDFDocument, o: Required<Omit<SampleFormOptions, 'imageOnly'>>): void {
  const p = o.person;
  header(pen, END_USER_AGREEMENT.title, END_USER_AGREEMENT.version);
  for (const text of wrap(END_USER_AGREEMENT.intro, pen.regular, 10, 500)) line(pen, text, { size: 10, gap: 14 });
  pen.y -= 10;
  END_USER_AGREEMENT.rules.forEach((rule, i) => {
    wrap(`${i + 1}. ${rule}`, pen.regular, 10, 490).forEach((text, j) => line(pen, j === 0 ? text : `    ${text}`, { size: 10, gap: 14 }));
    pen.y -= 6;
  });
  line(pen, 'Page 1 of 2', { size: 8 });
  pen.page = doc.addPage([612, 792]);
  pen.y = 730;
  line(pen, `${END_USER_AGREEMENT.title} (continued)`, { bold: true, gap: 30 });
  for (const text of wrap(END_USER_AGREEMENT.consent, pen.regular, 10.5, 500)) line(pen, text, { gap: 15 });
  pen.y -= 20;
  line(pen, END_USER_AGREEMENT.sectionSign, { bold: true, gap: 24 });
  labelled(pen, doc, o.style, 'User name', 'user_name', `${p.firstName} ${p.lastName}`);
  labelled(pen, doc, o.style, 'User email', 'user_email', p.email);
  labelled(pen, doc, o.style, 'Agency name', 'agency_name', p.agencyName);
  labelled(pen, doc, o.style, 'User signature', 'user_signature', o.signed ? `/s/ ${p.firstName} ${p.lastName}` : null, pen.italic);
  labelled(pen, doc, o.style, 'Date signed', 'date_signed', o.signed ? o.date : null);
  line(pen, 'Page 2 of 2', { size: 8 });
}

/** A scanned copy: every page a grey picture, no text layer at all. */
async function scannedCopy(doc: PDFDocument, pages: number): Promise<void> {
  const image = await doc.embedPng(scanLikePng(306, 396));
  for (let i = 0; i < pages; i += 1) doc.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
}

/** A realistic filled-in form as a PDF, for tests, sample data and benchmarks. */
export async function makeSampleForm(options: SampleFormOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(options.kind === 'staff_verification' ? 'Staff Verification for HMIS Access' : 'HMIS End User Agreement');
  doc.setProducer('HMIS Access Desk sample forms');
  // Fixed dates keep identical options byte-identical (the store keeps identical files once).
  doc.setCreationDate(new Date('2026-01-02T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-02T00:00:00Z'));
  if (options.imageOnly) {
    await scannedCopy(doc, options.kind === 'end_user_agreement' ? 2 : 1);
    return doc.save();
  }
  const full = { style: 'flat' as const, signed: true, ticked: true, date: '11/20/2026', ...options };
  const pen: Pen = {
    page: doc.addPage([612, 792]),
    y: 740,
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  if (full.kind === 'staff_verification') staffVerification(pen, doc, full);
  else endUserAgreement(pen, doc, full);
  if (full.style === 'fields') doc.getForm().updateFieldAppearances(pen.regular);
  return doc.save();
}
