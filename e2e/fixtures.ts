import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import type { Core } from '../electron/core/create-core';
import { createEventHub } from '../electron/core/events/event-hub';
import { startCoreWorker } from '../electron/core/worker/start-core-worker';
import { handlersOver } from '../electron/core/worker/worker-handlers';
import { startHost } from '../electron/host/start-host';

export interface AppUnderTest {
  /** The page URL with the per-start token, as `npm run serve` prints it. */
  url: string;
  /** The same core the page talks to, for arranging data and checking what was (not) written. */
  core: Pick<Core, 'handlers'>;
  dataDir: string;
}

/**
 * Each test gets its own data folder, core and HTTP host: nothing leaks between tests. The core
 * runs in a worker thread, as in `npm run serve` and the desktop app; the test arranges data
 * through the same dispatch the page uses.
 */
export const test = base.extend<{ app: AppUnderTest }>({
  // Playwright reads the fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-e2e-'));
    const hub = createEventHub();
    const worker = startCoreWorker({ dataDir, emit: hub.emit, fixedNow: '2026-11-28T15:00:00.000Z', operator: 'e2e.operator', transferInputs: true });
    await worker.ready;
    const host = await startHost({ dispatch: worker.dispatch, hub, staticDir: path.resolve('out/web') });
    await use({ url: host.url, core: { handlers: handlersOver(worker.dispatch) }, dataDir });
    await host.close();
    await worker.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Opens the app and waits for its ready marker (never a fixed sleep). */
export async function openApp(page: Page, app: AppUnderTest): Promise<void> {
  await page.goto(app.url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
}

/** Picks an option in a Mantine Select by its visible label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The whole master list, for checking what was (not) written. */
export const everyone = { sort: 'name', direction: 'asc', offset: 0, limit: 500 } as const;

/** One agency and two people, arranged through the core as a returning office would have them. */
export async function arrangeOffice(core: Pick<Core, 'handlers'>) {
  await core.handlers['app.dismissWelcome']({});
  const agency = await core.handlers['agencies.create']({ name: 'Delta Recovery Services' });
  await core.handlers['agencies.create']({ name: 'Midtown Youth Center' });
  const levels = await core.handlers['accessLevels.list']({});
  const level = levels.find((l) => l.name === 'Direct Service Staff with Assessments') ?? levels[0]!;
  const base = { agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' as const };
  const ngozi = await core.handlers['people.create']({ ...base, firstName: 'Ngozi', lastName: 'Okafor', email: 'ngozi.okafor@delta.example.org' });
  const tomas = await core.handlers['people.create']({ ...base, firstName: 'Tomás', lastName: 'Herrera', email: 'tomas.herrera@delta.example.org' });
  return { agency, level, ngozi, tomas };
}
