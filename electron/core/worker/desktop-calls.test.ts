import { afterEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../test-support/temp-core';
import type { Core } from '../create-core';
import { desktopHandlers } from './desktop-calls';

const fakeCore = (copy: string) =>
  ({
    handlers: { 'documents.openOriginal': () => Promise.reject(new Error('browser only')) },
    documents: { exportCopy: async (id: number) => `${copy}/${id}-form.pdf` },
  }) as unknown as Pick<Core, 'handlers' | 'documents' | 'mail'>;

describe('desktop handlers', () => {
  it('opens a named copy of the original in the system viewer', async () => {
    const opened: string[] = [];
    const handlers = desktopHandlers(fakeCore('/data/opened'), { openPath: async (p) => (opened.push(p), '') });
    await expect(handlers['documents.openOriginal']({ id: 7 })).resolves.toEqual({});
    expect(opened).toEqual(['/data/opened/7-form.pdf']);
  });

  it('says so when the system has nothing to open a PDF with', async () => {
    const handlers = desktopHandlers(fakeCore('/data/opened'), { openPath: async () => 'No application is associated with the file' });
    await expect(handlers['documents.openOriginal']({ id: 7 })).rejects.toThrow(/The system could not open the PDF \(No application is associated with the file\)/);
  });
});

describe('mail drafts on the desktop', () => {
  let t: TempCore | null = null;
  afterEach(() => t?.dispose());

  it('opens the drafted message in the mail program, and the draft downloads as a ready-to-send .eml', async () => {
    t = await tempCore();
    const test = await t.core.handlers['mail.test']({ to: 'hmis.lead@county.example.org' });
    expect(test.outcome).toBe('drafted');
    const [mail] = (await t.core.handlers['mail.list']({ status: 'drafted', offset: 0, limit: 5 })).items;
    const opened: string[] = [];
    const handlers = desktopHandlers(t.core, { openPath: async (p) => (opened.push(p), '') });
    await expect(handlers['mail.openDraft']({ id: mail!.id })).resolves.toEqual({});
    expect(opened[0]).toMatch(/\.eml$/);
    const draft = await t.core.handlers['mail.draft']({ id: mail!.id });
    expect(new TextDecoder().decode(draft.bytes)).toContain('X-Unsent: 1');
  });

  it('in the browser, explains that opening needs the desktop app', async () => {
    t = await tempCore();
    await expect(t.core.handlers['mail.openDraft']({ id: 1 })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Download draft') });
  });
});
