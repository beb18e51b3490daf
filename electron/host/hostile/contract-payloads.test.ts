import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../../shared/contract';
import { addTally, formatTally, newTally, watchRss, type Tally } from './hostile-kit';
import { startHostileApp, type HostileApp } from './hostile-app';
import { HOSTILE_RUNS_PER_CALL, HOSTILE_SEED, RSS_BOUND_MB } from './suite-options';
import { hostileInput } from './zod-arbitrary';

// Random payloads to every contract call through the HTTP host: inputs of each call's own shape
// (from its zod schema), the same with one field of the wrong type or absurd size, and wrong
// types whole. Each must be answered (handled) or refused with an AppError and nothing written.

/**
 * Calls sent only inputs their schema refuses. A valid random input would reach outside the temp
 * folder (a mail server at a random host, a drafts folder at a random path) or run for minutes
 * (sample data for up to 200,000 people); their refusals are what is under test here.
 */
const REFUSALS_ONLY: ReadonlySet<CallName> = new Set(['mail.settings.save', 'demo.seed']);

let app: HostileApp;
beforeAll(async () => {
  app = await startHostileApp();
}, 120_000);
afterAll(() => app?.close());

function inputsFor(name: CallName, runs: number, seed: number): unknown[] {
  const schema = contract[name].input;
  let arbitrary = hostileInput(schema);
  if (REFUSALS_ONLY.has(name)) arbitrary = arbitrary.filter((value) => !schema.safeParse(value).success);
  return fc.sample(arbitrary, { numRuns: runs, seed });
}

describe('hostile payloads to every contract call, over HTTP', () => {
  it('answers or refuses each one in words, writes nothing when it refuses, and stays up', async () => {
    const names = Object.keys(contract) as CallName[];
    const total = newTally();
    const perCall = new Map<string, Tally>();
    const rss = watchRss();
    try {
      for (const [index, name] of names.entries()) {
        const tally = newTally();
        for (const [n, input] of inputsFor(name, HOSTILE_RUNS_PER_CALL, HOSTILE_SEED + index).entries()) {
          await app.tryCall(tally, `${name} #${n} ${JSON.stringify(input)?.slice(0, 160)}`, name, input);
        }
        perCall.set(name, tally);
        addTally(total, tally);
      }
    } finally {
      rss.stop();
    }
    const stillUp = await app.post('app.info', {});
    const peak = rss.peakMb();
    console.log(
      `[hostile] ${formatTally(`contract payloads (${names.length} calls × ${HOSTILE_RUNS_PER_CALL}, seed ${HOSTILE_SEED})`, total)}; peak RSS +${Math.round(peak)} MB`,
    );
    expect(total.examples).toEqual([]);
    expect(total.crashes).toBe(0);
    expect(total.tried).toBe(names.length * HOSTILE_RUNS_PER_CALL);
    expect(total.refused).toBeGreaterThan(0);
    expect(total.handled).toBeGreaterThan(0);
    expect(stillUp.envelope?.ok).toBe(true);
    expect(peak).toBeLessThan(RSS_BOUND_MB);
  }, 600_000);

  it('refuses wrong wire formats: bytes that are not base64, a body that is not JSON, an array for an object', async () => {
    const tally = newTally();
    const bodies: [string, string][] = [
      ['documents.read', '{"fileName":"x.pdf","bytes":{"$bytes":"%%% not base64 %%%"}}'],
      ['people.get', '{"id":'],
      ['people.get', '[1,2,3]'],
      ['people.list', '"just a string"'],
      ['people.list', `{"search":"${'\\ud800'.repeat(1000)}"}`],
      ['people.list', '{"__proto__":{"isAdmin":true},"search":"x"}'],
    ];
    for (const [name, body] of bodies) {
      const response = await fetch(`${app.host.origin}/api/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${app.host.token}` }, body });
      const text = await response.text();
      tally.tried += 1;
      const envelope = JSON.parse(text) as { ok: boolean; error?: { code: string; message: string } };
      if (envelope.ok) tally.handled += 1;
      else if (envelope.error?.code !== 'internal' && response.status < 500) tally.refused += 1;
      else tally.crashes += 1;
    }
    console.log(`[hostile] ${formatTally('wire formats', tally)}`);
    expect(tally.crashes).toBe(0);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined(); // no prototype was polluted
  });
});
