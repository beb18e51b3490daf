import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { fixedClock } from '../clock';
import { createCore, type Core, type CoreOptions } from '../create-core';

export interface TempCore {
  core: Core;
  dataDir: string;
  clock: ReturnType<typeof fixedClock>;
  events: { event: EventName; payload: EventPayload<EventName> }[];
  dispose(): Promise<void>;
}

/** A real core on a real SQLite file in a fresh temp folder, with a clock the test controls. */
export async function tempCore(options: Partial<CoreOptions> = {}): Promise<TempCore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-test-'));
  const clock = fixedClock('2026-11-28T15:00:00.000Z');
  const events: TempCore['events'] = [];
  const core = await createCore({
    dataDir,
    clock,
    operator: 'test.operator',
    emit: (event, payload) => events.push({ event, payload }),
    ...options,
  });
  return {
    core,
    dataDir,
    clock,
    events,
    async dispose() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One agency and the first access level, the minimum to register a person. */
export async function basics(core: Core) {
  const agency = await core.handlers['agencies.create']({ name: 'River City Outreach' });
  const levels = await core.handlers['accessLevels.list']({});
  const level = levels[0];
  if (!level) throw new Error('No access levels were seeded');
  return { agency, level, levels };
}
