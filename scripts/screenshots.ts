/**
 * `npm run screenshots`: the pictures in the README's user guide, taken from the real app with
 * sample data (real core, real SQLite, the HTTP host, Chromium), so they never drift from the UI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { fixedClock } from '../electron/core/clock';
import { createCore } from '../electron/core/create-core';
import { createEventHub } from '../electron/core/events/event-hub';
import { startHost } from '../electron/host/start-host';

const OUT = path.resolve('docs/screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Hash route → file name. `:person` is replaced by a sample person's number. */
const SHOTS: [string, string][] = [
  ['/people', 'master-list'],
  ['/people/:person', 'person'],
  ['/people/new', 'add-person'],
  ['/import', 'import'],
  ['/outbox', 'outbox'],
  ['/settings', 'settings'],
];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-shots-'));
  const hub = createEventHub();
  const core = await createCore({ dataDir, emit: hub.emit, clock: fixedClock('2026-11-28T15:00:00.000Z'), operator: 'j.rivera' });
  await core.handlers['demo.seed']({ people: 500 });
  const host = await startHost({ core, hub, staticDir: path.resolve('out/web') });
  const [person] = (await core.handlers['people.list']({ search: 'maria', sort: 'name', direction: 'asc', offset: 0, limit: 1 })).items;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.locator('[data-app-state="ready"]').waitFor();
    for (const [route, name] of SHOTS) {
      // The token stays in sessionStorage after the first load, so a plain hash URL opens each page.
      await page.goto(`${host.origin}/#${route.replace(':person', String(person?.id ?? 1))}`);
      await page.locator('[data-app-state="ready"]').waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    }
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
