import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFile } from './input-file';

const dir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const limit = { maxBytes: 1024, tooLarge: (mb: number) => `The file is ${mb} MB, over the limit.` };

describe('a file named on the command line', () => {
  it('is read whole when it is within the limit', async () => {
    const file = path.join(dir, 'registrations.csv');
    writeFileSync(file, 'x'.repeat(1024));
    expect(new TextDecoder().decode(await readInputFile(file, limit))).toBe('x'.repeat(1024));
  });

  it('is refused with the caller’s sentence from its size, before anything is read', async () => {
    const file = path.join(dir, 'expanded.xlsx');
    writeFileSync(file, '');
    truncateSync(file, 5 * 1024 ** 3); // sparse: a read would not fit any buffer Node can make
    await expect(readInputFile(file, limit)).rejects.toMatchObject({ code: 'invalid', message: 'The file is 5120 MB, over the limit.' });
  });

  it('names a missing file or a folder in words', async () => {
    await expect(readInputFile(path.join(dir, 'nope.csv'), limit)).rejects.toMatchObject({ code: 'not_found', message: `There is no file ${path.join(dir, 'nope.csv')}.` });
    await expect(readInputFile(dir, limit)).rejects.toMatchObject({ code: 'invalid', message: `${dir} is a folder. Name a file in it instead.` });
  });
});
