import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Output } from '../../../shared/contract';
import type { MailTemplate } from '../../../shared/domain/mail';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import { api } from '../../api/client';

export type TemplateDraft = Pick<MailTemplate, 'subject' | 'text' | 'html'>;

interface TemplatesStore {
  list: Output<'mail.templates.list'>;
  current: MailTemplate | null;
  draft: TemplateDraft | null;
  previewPersonId: number | null;
  preview: Output<'mail.templates.preview'> | null;
  error: AppError | null;
  loadList(): Promise<void>;
  open(key: MailTemplateKey): Promise<void>;
  edit(patch: Partial<TemplateDraft>): void;
  setPreviewPerson(id: number | null): void;
  refreshPreview(): Promise<void>;
  save(): Promise<void>;
  reset(): Promise<void>;
}

let previewSequence = 0;

export const useTemplatesStore = create<TemplatesStore>()((set, get) => ({
  list: [],
  current: null,
  draft: null,
  previewPersonId: null,
  preview: null,
  error: null,
  async loadList() {
    set({ list: await api.mail['templates.list']() });
  },
  async open(key) {
    const current = await api.mail['templates.get']({ key });
    set({ current, draft: { subject: current.subject, text: current.text, html: current.html }, error: null });
    void get().refreshPreview();
  },
  edit(patch) {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, ...patch } });
  },
  setPreviewPerson(previewPersonId) {
    set({ previewPersonId });
    void get().refreshPreview();
  },
  /** Unknown placeholders show here while typing, before anyone presses Save. */
  async refreshPreview() {
    const { current, draft, previewPersonId } = get();
    if (!current || !draft) return;
    const mine = ++previewSequence;
    try {
      const preview = await api.mail['templates.preview']({ key: current.key, personId: previewPersonId ?? undefined, ...draft });
      if (mine === previewSequence) set({ preview, error: null });
    } catch (error) {
      if (mine === previewSequence) set({ error: AppError.from(error) });
    }
  },
  async save() {
    const { current, draft } = get();
    if (!current || !draft) return;
    const saved = await api.mail['templates.save']({ key: current.key, expectedUpdatedAt: current.updatedAt, ...draft });
    set({ current: saved });
    void get().loadList();
  },
  async reset() {
    const { current } = get();
    if (!current) return;
    const restored = await api.mail['templates.reset']({ key: current.key, expectedUpdatedAt: current.updatedAt });
    set({ current: restored, draft: { subject: restored.subject, text: restored.text, html: restored.html } });
    void get().refreshPreview();
    void get().loadList();
  },
}));
