import { describe, expect, it } from 'vitest';
import type { Core } from '../core/create-core';
import { desktopHandlers } from './desktop-handlers';

const fakeCore = (copy: string) =>
  ({
    handlers: { 'documents.openOriginal': () => Promise.reject(new Error('browser only')) },
    documents: { exportCopy: async (id: number) => `${copy}/${id}-form.pdf` },
  }) as unknown as Pick<Core, 'handlers' | 'documents'>;

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
