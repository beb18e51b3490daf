import { create } from 'zustand';
import type { MailTemplate } from '../../../shared/domain/mail';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';

export type TemplateDraft = Pick<MailTemplate, 'subject' | 'text' | 'html'>;
type SavedTemplate = TemplateDraft & Pick<MailTemplate, 'updatedAt'>;

/** Which template is open and what the user has typed into it; the templates themselves are queries. */
interface TemplatesStore {
  key: MailTemplateKey | null;
  /** Null while unedited: the form shows the template as saved (and follows it if it changes). */
  draft: TemplateDraft | null;
  /** The version the first edit started from: a save over someone else's newer one is refused. */
  draftBase: string | null;
  previewPersonId: number | null;
  open(key: MailTemplateKey): void;
  /** `saved`: the template as saved, the base of a first edit. */
  edit(patch: Partial<TemplateDraft>, saved: SavedTemplate): void;
  discardDraft(): void;
  setPreviewPerson(id: number | null): void;
}

export const useTemplatesStore = create<TemplatesStore>()((set, get) => ({
  key: null,
  draft: null,
  draftBase: null,
  previewPersonId: null,
  open: (key) => set({ key, draft: null, draftBase: null }),
  edit: (patch, saved) => {
    const { draft, draftBase } = get();
    set({ draft: { ...(draft ?? draftOf(saved)), ...patch }, draftBase: draft ? draftBase : saved.updatedAt });
  },
  discardDraft: () => set({ draft: null, draftBase: null }),
  setPreviewPerson: (previewPersonId) => set({ previewPersonId }),
}));

export const draftOf = (t: TemplateDraft): TemplateDraft => ({ subject: t.subject, text: t.text, html: t.html });
