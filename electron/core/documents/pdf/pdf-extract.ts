/** What the reader worker sends back about a PDF: its text in reading order, and its form fields. */
export interface TextLine {
  page: number;
  text: string;
}

export interface FormField {
  name: string;
  /** pdf.js field type: text, checkbox, radiobutton, combobox, listbox, signature… */
  type: string;
  value: string | null;
  /** Check boxes and radio buttons only: ticked or not. */
  checked: boolean | null;
  page: number | null;
}

export interface PdfExtract {
  pageCount: number;
  lines: TextLine[];
  fields: FormField[];
  /** The file carries JavaScript (never run: pdf.js here and in the viewer has scripting off). */
  hasJavaScript: boolean;
  /** Links to a web address; buttons that send the form's fields somewhere. Never followed here. */
  actions: { uri: boolean; submitForm: boolean };
  /** Names of files carried inside the PDF ('' when it has one it does not name); none is a program. */
  attachments: string[];
}

export type RefusalCode = 'empty' | 'not_pdf' | 'truncated' | 'damaged' | 'encrypted' | 'too_large' | 'too_many_pages' | 'timeout' | 'too_complex' | 'launch' | 'executable';

export type WorkerReply = { id: number } & ({ ok: true; extract: PdfExtract } | { ok: false; refusal: { code: RefusalCode; detail?: string } });

export interface WorkerJob {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
}
