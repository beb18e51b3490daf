import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { HOSTILE_FILE_FAMILIES } from './hostile-files';
import { addTally, formatTally, newTally, watchRss } from './hostile-kit';
import { startHostileApp, type HostileApp } from './hostile-app';
import { HOSTILE_FULL, RSS_BOUND_MB } from './suite-options';

// Hostile files through the HTTP host, each to every call that reads its kind: refused or
// handled with an AppError, nothing written for a refusal, the process up and its memory bounded.

let app: HostileApp;
let person: Person;
beforeAll(async () => {
  app = await startHostileApp();
  const got = await app.post('people.get', { id: 1 });
  if (!got.envelope?.ok) throw new Error('The sample data has no person 1');
  person = got.envelope.value as Person;
}, 120_000);
afterAll(() => app?.close());

describe('hostile files, through the HTTP host', () => {
  for (const family of HOSTILE_FILE_FAMILIES) {
    it(`${family.name}: each refused or handled in words, nothing written for a refusal, memory bounded`, async () => {
      const tally = newTally();
      const rss = watchRss();
      try {
        for (const file of family.files({ person }).filter((f) => HOSTILE_FULL || !f.heavy)) {
          const bytes = await file.make();
          for (const call of family.calls) {
            await app.tryCall(tally, `${call.name} ← ${file.what} (${file.fileName}, ${bytes.byteLength} bytes)`, call.name, call.input({ fileName: file.fileName, bytes }, { person }));
          }
        }
      } finally {
        rss.stop();
      }
      const stillUp = await app.post('app.info', {});
      const peak = rss.peakMb();
      console.log(`[hostile] ${formatTally(family.name, tally)}; peak RSS +${Math.round(peak)} MB`);
      addTally(totals, tally);
      expect(tally.examples).toEqual([]);
      expect(tally.refused).toBeGreaterThan(0);
      expect(stillUp.envelope?.ok).toBe(true);
      expect(peak).toBeLessThan(RSS_BOUND_MB);
    }, 300_000);
  }
});

const totals = newTally();
afterAll(() => console.log(`[hostile] ${formatTally('all files', totals)}`));
