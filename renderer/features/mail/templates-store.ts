import { create } from 'zustand';
import type { MailTemplate } from '../../../shared/domain/mail';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';

export type TemplateDraft = Pick<MailTemplate, 'subject' | 'text' | 'html'>;

/** Which template is open and what the user has typed into it; the templates themselves are queries. */
interface TemplatesStore {
  key: MailTemplateKey | null;
  /** Null while unedited: the form shows the template as saved (and follows it if it changes). */
  draft: TemplateDraft | null;
  previewPersonId: number | null;
  open(key: MailTemplateKey): void;
  /** `saved`: the template as saved, the base of a first edit. */
  edit(patch: Partial<TemplateDraft>, saved: TemplateDraft): void;
  discardDraft(): void;
  setPreviewPerson(id: number | null): void;
}

export const useTemplatesStore = create<TemplatesStore>()((set, get) => ({
  key: null,
  draft: null,
  previewPersonId: null,
  open: (key) => set({ key, draft: null }),
  edit: (patch, saved) => set({ draft: { ...(get().draft ?? draftOf(saved)), ...patch } }),
  discardDraft: () => set({ draft: null }),
  setPreviewPerson: (previewPersonId) => set({ previewPersonId }),
}));

export const draftOf = (t: TemplateDraft): TemplateDraft => ({ subject: t.subject, text: t.text, html: t.html });
