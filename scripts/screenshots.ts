/**
 * `npm run screenshots`: the pictures in the README's user guide, taken from the real app with
 * sample data (real core, real SQLite, the HTTP host, Chromium), so they never drift from the UI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { fixedClock } from '../electron/core/clock';
import { createCore, type Core } from '../electron/core/create-core';
import { createEventHub } from '../electron/core/events/event-hub';
import { inProcessDispatch } from '../electron/core/worker/in-process';
import { startHost } from '../electron/host/start-host';
import { emlOf } from '../electron/core/documents/mail/test-support/mail-fixtures';
import { makeSampleForm } from '../electron/core/documents/samples/sample-forms';

// SHOTS_DIR: somewhere else to look at the pages without touching the README's pictures.
const OUT = path.resolve(process.env.SHOTS_DIR ?? 'docs/screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** The roster check shows its findings once the sample roster is checked. */
async function checkSampleRoster(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use sample roster' }).click();
  await page.getByRole('button', { name: 'Check against the master list' }).click();
  await page.getByTestId('roster-group-to_deactivate').waitFor();
}

/** Hash route → file name. `:person` and `:document` become a sample person's and document's number; `act` brings the page to what the picture shows. */
const SHOTS: [route: string, file: string, waitFor?: string, act?: (page: Page) => Promise<void>][] = [
  ['/people', 'master-list'],
  ['/people/:person', 'person'],
  ['/people/new', 'add-person'],
  ['/import', 'import'],
  ['/documents/pending', 'pending-documents'],
  ['/documents/:document', 'review-document', 'canvas'],
  ['/training', 'training-to-send'],
  ['/quizzes', 'quizzes-to-grade'],
  ['/credentials', 'credentials-to-issue'],
  ['/recert', 'recertification-calendar'],
  ['/roster', 'roster-check', undefined, checkSampleRoster],
  ['/deactivations', 'deactivation-tasks'],
  ['/quiz-bank', 'quiz-bank'],
  ['/outbox', 'outbox'],
  ['/settings', 'settings'],
  ['/reports', 'reports'],
  ['/reports/status', 'report-status', '.recharts-surface'],
];

/**
 * The first page of the printed status report, as Chromium's PDF printer lays it out (the print
 * stylesheet, the print frame's header and footer), turned into a PNG with poppler's pdftoppm.
 */
async function printedReportPage(page: Page, origin: string, dataDir: string): Promise<void> {
  await page.goto(`${origin}/#/reports/status`);
  await page.locator('[data-app-state="ready"]').waitFor();
  await page.locator('.recharts-surface').first().waitFor();
  const pdf = path.join(dataDir, 'report-printed.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(OUT, 'report-printed')]);
  console.log('docs/screenshots/report-printed.png');
}

/** Someone still waiting for both forms, and the email their supervisor sent them in. */
async function sampleEmail(core: Core): Promise<{ personId: number; eml: Uint8Array }> {
  const [p] = (await core.handlers['people.list']({ stage: 'awaiting_documents', sort: 'name', direction: 'asc', offset: 0, limit: 1 })).items;
  if (!p) throw new Error('The sample data has no one awaiting documents');
  const supervisor = { name: p.supervisorName ?? 'James Nguyen', email: p.supervisorEmail ?? 'james.nguyen@delta.example.org' };
  const who = { ...p, agencyName: p.agencyName, accessLevelName: p.accessLevelName, supervisorName: supervisor.name, supervisorEmail: supervisor.email };
  const eml = await emlOf({
    from: `${supervisor.name} <${supervisor.email}>`,
    to: 'HMIS Office <hmis@county.example.gov>',
    subject: `Signed forms for ${p.firstName} ${p.lastName}`,
    attachments: [
      { filename: `Staff Verification - ${p.lastName}.pdf`, content: await makeSampleForm({ kind: 'staff_verification', person: who }) },
      { filename: `End User Agreement - ${p.lastName}.pdf`, content: await makeSampleForm({ kind: 'end_user_agreement', person: who }) },
    ],
  });
  return { personId: p.id, eml };
}

/** Drops the message on the person's page as a browser does, and waits for both PDFs to be attached. */
async function dropMessage(page: Page, eml: Uint8Array, fileName: string): Promise<void> {
  await page.locator('.person-page').first().evaluate(
    (target, item) => {
      const dom = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; DragEvent: new (type: string, init: object) => unknown };
      const transfer = new dom.DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0))], item.name, { type: 'message/rfc822' }));
      for (const type of ['dragenter', 'dragover', 'drop']) (target as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new dom.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name: fileName, base64: Buffer.from(eml).toString('base64') },
  );
  await page.getByText('2 of 2 files done.').waitFor({ timeout: 60_000 });
}

/** A sample form waiting for review, for the review screen's picture. */
async function firstDocumentInReview(core: Core): Promise<number> {
  for (let id = 1; id < 100; id += 1) {
    const doc = await core.handlers['documents.get']({ id }).catch(() => null);
    if (doc?.status === 'in_review' && doc.kind === 'staff_verification') return doc.id;
  }
  return 1;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-shots-'));
  const hub = createEventHub();
  const core = await createCore({ dataDir, emit: hub.emit, clock: fixedClock('2026-11-28T15:00:00.000Z'), operator: 'j.rivera' });
  await core.handlers['demo.seed']({ people: 500 });
  const host = await startHost({ dispatch: inProcessDispatch(core), hub, staticDir: path.resolve('out/web') });
  const [person] = (await core.handlers['people.list']({ search: 'maria', sort: 'name', direction: 'asc', offset: 0, limit: 1 })).items;
  const document = await firstDocumentInReview(core);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // A typical office laptop: what fits here fits where the app is used.
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.locator('[data-app-state="ready"]').waitFor();
    for (const [route, name, waitFor, act] of SHOTS) {
      // The token stays in sessionStorage after the first load, so a plain hash URL opens each page.
      await page.goto(`${host.origin}/#${route.replace(':person', String(person?.id ?? 1)).replace(':document', String(document))}`);
      await page.locator('[data-app-state="ready"]').waitFor();
      await page.waitForLoadState('networkidle');
      if (act) await act(page);
      if (waitFor) {
        await page.locator(waitFor).first().waitFor();
        // pdf.js paints the canvas after it appears; a picture, not a test, may wait for the paint.
        await page.waitForTimeout(1500);
      }
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    }
    // Documents straight from email: the drop, then the review screen with the sender.
    const email = await sampleEmail(core);
    await page.goto(`${host.origin}/#/people/${email.personId}`);
    await page.locator('[data-app-state="ready"]').waitFor();
    await dropMessage(page, email.eml, 'Signed forms.eml');
    await page.screenshot({ path: path.join(OUT, 'drop-email.png') });
    console.log('docs/screenshots/drop-email.png');
    await page.getByRole('button', { name: 'Done' }).click();
    const [fromEmail] = (await core.handlers['documents.list']({ personId: email.personId })).filter((d) => d.kind === 'staff_verification');
    await page.goto(`${host.origin}/#/documents/${fromEmail?.id ?? 1}`);
    await page.locator('[data-testid="message-card"]').waitFor();
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(OUT, 'review-email-document.png') });
    console.log('docs/screenshots/review-email-document.png');
    // Set last, so the other pictures still show a new office's "Set up your office" banner.
    await core.handlers['mail.settings.save']({ officeName: 'Sacramento County HMIS Office' });
    await printedReportPage(page, host.origin, dataDir);
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
