import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Candidate, DocumentAttachResult, DocumentKind, Recognition } from '../../../shared/domain/document';
import { api } from '../../api/client';
import { expandMessage, isMessageFile } from './message-items';

export type UploadStatus = 'waiting' | 'reading' | 'attached' | 'refused' | 'choose-person' | 'choose-kind' | 'wrong-person';

export interface UploadItem {
  key: string;
  file: File;
  status: UploadStatus;
  /** Refusals and "choose" prompts, in the core's words. */
  message: string | null;
  recognition: Recognition | null;
  result: DocumentAttachResult | null;
  /** Staff's choices on the match screen (or for a scan). */
  personId: number | null;
  kind: DocumentKind | null;
  /** Wrong person: the one the form names, when it was dropped on someone else. */
  named: Candidate | null;
  /** A PDF inside a dropped email message: its index there (null for a PDF dropped alone, or the message before it is read). */
  part: number | null;
  /** What the row is called: the file's name, or "Forms.eml › sv.pdf" for a PDF in a message. */
  label: string;
  /** For the first PDF of a message: who sent it, and what else the message held. */
  note: string | null;
}

interface UploadStore {
  /** `person`: dropped on a record; `match`: dropped elsewhere, matched and confirmed on one screen. */
  mode: 'person' | 'match' | null;
  personId: number | null;
  /** Person mode: whom the files were dropped on, for "attach to … anyway". */
  personName: string | null;
  items: UploadItem[];
  running: boolean;
  /** Index of the file being worked on, for "n of m". */
  current: number;
  attachTo(personId: number, files: readonly File[], personName?: string): Promise<void>;
  matchFiles(files: readonly File[]): Promise<void>;
  choose(key: string, choice: { personId?: number | null; kind?: DocumentKind | null }): void;
  /** Attaches what the match screen (or a kind prompt) now says. */
  confirm(): Promise<void>;
  /** A form that names someone else: attach to them, attach here anyway, or not at all. */
  resolveWrongPerson(key: string, choice: 'named' | 'here' | 'none'): Promise<void>;
  close(): void;
}

let sequence = 0;
const newItem = (file: File): UploadItem => ({ key: `${++sequence}`, file, status: 'waiting', message: null, recognition: null, result: null, personId: null, kind: null, named: null, part: null, label: file.name, note: null });
const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());
const needsKind = (error: AppError) => error.fields?.some((f) => f.field === 'kind') ?? false;

export const useUploadStore = create<UploadStore>()((set, get) => {
  const patch = (key: string, changes: Partial<UploadItem>) => set((s) => ({ items: s.items.map((i) => (i.key === key ? { ...i, ...changes } : i)) }));

  /** `confirmPerson`: staff chose this person knowingly (match screen, "attach here anyway"). */
  async function attachOne(item: UploadItem, personId: number, confirmPerson = false): Promise<void> {
    patch(item.key, { status: 'reading', message: null });
    if (isMessageFile(item.file)) return attachMessage(item, personId, confirmPerson);
    try {
      const result = await api.documents.attach({ personId, confirmPerson, fileName: item.file.name, bytes: await bytesOf(item.file), ...(item.kind ? { kind: item.kind } : {}) });
      if (result.mismatch) return patch(item.key, { status: 'wrong-person', recognition: result.recognition, personId, named: result.mismatch });
      patch(item.key, { status: 'attached', result, recognition: result.recognition });
    } catch (caught) {
      const error = AppError.from(caught);
      patch(item.key, { status: needsKind(error) ? 'choose-kind' : 'refused', message: error.message, personId });
    }
  }

  /** An email message: each PDF it holds becomes a row of its own, attached like a PDF dropped alone. */
  async function attachMessage(item: UploadItem, personId: number, confirmPerson: boolean): Promise<void> {
    try {
      const input = { personId, confirmPerson, fileName: item.file.name, bytes: await bytesOf(item.file), ...(item.part !== null ? { part: item.part } : {}), ...(item.kind ? { kind: item.kind } : {}) };
      const result = await api.documents.attachMessage(input);
      set((s) => ({ items: expandMessage(s.items, item.key, result, false).map((i) => (i.key.startsWith(`${item.key}.`) || i.key === item.key ? { ...i, personId: i.personId ?? personId } : i)) }));
    } catch (caught) {
      patch(item.key, { status: 'refused', message: AppError.from(caught).message, personId });
    }
  }

  async function readMessage(item: UploadItem): Promise<void> {
    try {
      const result = await api.documents.readMessage({ fileName: item.file.name, bytes: await bytesOf(item.file) });
      set((s) => ({ items: expandMessage(s.items, item.key, result, true) }));
    } catch (caught) {
      patch(item.key, { status: 'refused', message: AppError.from(caught).message });
    }
  }

  /** One file after another: the batch shows "n of m" and each file's result as it comes. */
  async function runAll(work: (item: UploadItem) => Promise<void>, which: (item: UploadItem) => boolean): Promise<void> {
    set({ running: true });
    const items = get().items;
    for (const [index, item] of items.entries()) {
      if (!which(item)) continue;
      set({ current: index });
      await work(get().items.find((i) => i.key === item.key) ?? item);
    }
    set({ running: false, current: items.length });
  }

  async function readOne(item: UploadItem): Promise<void> {
    patch(item.key, { status: 'reading' });
    if (isMessageFile(item.file)) return readMessage(item);
    try {
      const recognition = await api.documents.read({ fileName: item.file.name, bytes: await bytesOf(item.file) });
      const best = recognition.candidates[0];
      patch(item.key, { status: 'choose-person', recognition, personId: best && best.confidence >= 0.7 ? best.personId : null, kind: recognition.kind === 'other' ? null : recognition.kind });
    } catch (caught) {
      patch(item.key, { status: 'refused', message: AppError.from(caught).message });
    }
  }

  return {
    mode: null,
    personId: null,
    personName: null,
    items: [],
    running: false,
    current: 0,
    async attachTo(personId, files, personName) {
      if (get().running || files.length === 0) return;
      set({ mode: 'person', personId, personName: personName ?? null, items: files.map(newItem), current: 0 });
      await runAll((item) => attachOne(item, personId), () => true);
    },
    async matchFiles(files) {
      if (get().running || files.length === 0) return;
      set({ mode: 'match', personId: null, personName: null, items: files.map(newItem), current: 0 });
      await runAll(readOne, () => true);
    },
    choose(key, choice) {
      patch(key, choice);
    },
    async confirm() {
      const ready = (i: UploadItem) => (i.status === 'choose-person' || i.status === 'choose-kind') && (i.personId ?? get().personId) !== null;
      await runAll((item) => attachOne(item, (item.personId ?? get().personId) as number, true), ready);
    },
    async resolveWrongPerson(key, choice) {
      const item = get().items.find((i) => i.key === key);
      if (!item || item.status !== 'wrong-person' || get().running) return;
      if (choice === 'none') return patch(key, { status: 'refused', message: 'Not attached.', named: null });
      const personId = choice === 'named' && item.named ? item.named.personId : item.personId;
      if (personId === null) return;
      await runAll((i) => attachOne(i, personId, true), (i) => i.key === key);
    },
    close() {
      if (!get().running) set({ mode: null, personId: null, personName: null, items: [], current: 0 });
    },
  };
});
