import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfPool } from './pdf-pool';

const dir = mkdtempSync(path.join(tmpdir(), 'hmis-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in reader: a file starting with "hang" never finishes, "hog" eats memory, "crash"
 * kills its thread; anything else is read at once. Hostile files are simulated this way because
 * pdf.js has no known file that hangs it today, and the pool must survive one tomorrow.
 */
const FAKE_READER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  const head = new TextDecoder().decode(job.bytes.subarray(0, 5));
  if (head.startsWith('hang')) for (;;) {}
  if (head.startsWith('hog')) { const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random())); }
  if (head.startsWith('crash')) process.exit(3);
  if (head.startsWith('bufs')) { const keep = []; for (;;) keep.push(Buffer.alloc(16 * 1024 * 1024, 1)); }
  if (head.startsWith('slow')) { const until = Date.now() + 300; while (Date.now() < until); }
  parentPort.postMessage({ id: job.id, ok: true, extract: { pageCount: 1, lines: [{ page: 1, text: head }], fields: [], hasJavaScript: false, actions: { uri: false, submitForm: false }, attachments: [] } });
});`;

function fakeReader(): URL {
  const file = path.join(dir, 'fake-reader.mjs');
  writeFileSync(file, FAKE_READER);
  return pathToFileURL(file);
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the PDF reader pool', () => {
  it('terminates a parse that hangs past the time limit, refuses only that file, and keeps reading', async () => {
    const pool = createPdfPool({ size: 1, timeoutMs: 300, workerUrl: fakeReader() });
    try {
      const started = Date.now();
      await expect(pool.read(bytes('hang forever'), 10)).rejects.toMatchObject({ refusal: 'timeout', message: expect.stringMatching(/^Reading the PDF took too long and was stopped/) });
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(pool.read(bytes('fine'), 10)).resolves.toMatchObject({ lines: [{ text: 'fine' }] });
    } finally {
      await pool.close();
    }
  });

  it('kills a worker that passes the memory limit, and a worker that dies, without losing the queue', async () => {
    const pool = createPdfPool({ size: 1, timeoutMs: 20_000, maxHeapMb: 24, workerUrl: fakeReader() });
    try {
      const results = await Promise.allSettled([pool.read(bytes('hog!!'), 10), pool.read(bytes('crash'), 10), pool.read(bytes('after'), 10)]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: { refusal: 'too_complex' } });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { refusal: 'damaged' } });
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { lines: [{ text: 'after' }] } });
    } finally {
      await pool.close();
    }
  });

  it('stops a read whose ArrayBuffers pass the memory allowance (the heap limit does not see them), and reads its neighbours again alone', async () => {
    const pool = createPdfPool({ size: 2, timeoutMs: 20_000, maxJobMemoryMb: 128, workerUrl: fakeReader() });
    try {
      const results = await Promise.allSettled([pool.read(bytes('bufs!'), 10), pool.read(bytes('slow!'), 10), pool.read(bytes('after'), 10)]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: { refusal: 'too_complex', message: expect.stringMatching(/^The PDF needed more memory to read than is allowed/) } });
      expect(results[1]).toMatchObject({ status: 'fulfilled', value: { lines: [{ text: 'slow!' }] } });
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { lines: [{ text: 'after' }] } });
    } finally {
      await pool.close();
    }
  });

  it('reads in parallel up to its size and leaves the caller’s bytes untouched', async () => {
    const pool = createPdfPool({ size: 2, workerUrl: fakeReader() });
    try {
      const mine = bytes('first');
      const all = await Promise.all([pool.read(mine, 10), pool.read(bytes('other'), 10), pool.read(bytes('third'), 10)]);
      expect(all.map((r) => r.lines[0]?.text)).toEqual(['first', 'other', 'third']);
      expect(new TextDecoder().decode(mine)).toBe('first');
    } finally {
      await pool.close();
    }
    await expect(pool.read(bytes('late'), 10)).rejects.toThrow('The PDF reader was closed.');
  });
});
