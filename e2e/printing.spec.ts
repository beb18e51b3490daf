import { expect, openApp, test, type AppUnderTest } from './fixtures';
import { catchPrintDialog, expectPrintAsked, LETTER_LANDSCAPE, printToPdf, squash } from './print-support';

const OFFICE = 'Sacramento County HMIS Office';

async function sampleOffice(app: AppUnderTest, people: number) {
  await app.core.handlers['app.dismissWelcome']({});
  await app.core.handlers['mail.settings.save']({ officeName: OFFICE });
  await app.core.handlers['demo.seed']({ people });
}

test('the 250-person master list prints on at most 8 landscape Letter pages, numbered, with the office and operator', async ({ page, app }) => {
  test.slow();
  await sampleOffice(app, 250);
  await openApp(page, app);
  await page.goto(`${new URL(app.url).origin}/#/people`);
  await expect(page.getByTestId('people-count')).toHaveText('250 people');
  await catchPrintDialog(page);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintAsked(page);

  const pdf = await printToPdf(page);
  expect(pdf.pages).toBeLessThanOrEqual(8);
  expect(pdf.sizes.every((s) => s.width === LETTER_LANDSCAPE.width && s.height === LETTER_LANDSCAPE.height)).toBe(true);
  const [first = '', ...rest] = pdf.pageTexts;
  expect(first).toContain(squash(OFFICE));
  expect(first).toContain(squash('Master list'));
  expect(first).toContain(squash('Everyone — 250 people'));
  expect(first).toContain(squash('by e2e.operator'));
  pdf.pageTexts.forEach((text, i) => expect(text).toContain(squash(`Page ${i + 1} of ${pdf.pages}`)));
  // The column headers repeat on every page; the app's chrome and buttons never print.
  for (const text of rest) expect(text).toContain(squash('Name Email Agency Access level'));
  for (const chrome of ['Add person', 'Export', 'Search people', 'Import registrations']) expect(pdf.pageTexts.join('')).not.toContain(squash(chrome));
});

test('Pending documents prints all three tabs, each with its count, without the drop hint or buttons', async ({ page, app }) => {
  test.slow();
  await sampleOffice(app, 60);
  const counts = (await app.core.handlers['documents.pending']({ section: 'missing', direction: 'desc', offset: 0, limit: 1 })).counts;
  await openApp(page, app);
  await page.goto(`${new URL(app.url).origin}/#/documents/pending`);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await catchPrintDialog(page);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await page.getByRole('menuitem', { name: 'All 3 tabs' }).click();
  await expectPrintAsked(page);

  const pdf = await printToPdf(page);
  const text = pdf.pageTexts.join('');
  expect(pdf.sizes[0]).toEqual(LETTER_LANDSCAPE);
  expect(text).toContain(squash(`${OFFICE} Pending documents All agencies — All 3 tabs`));
  expect(text).toContain(squash(`Missing documents — ${counts.missing}`));
  expect(text).toContain(squash(`Awaiting review — ${counts.review}`));
  expect(text).toContain(squash(`Rejected — awaiting resubmission — ${counts.rejected}`));
  pdf.pageTexts.forEach((t, i) => expect(t).toContain(squash(`Page ${i + 1} of ${pdf.pages}`)));
  for (const screenOnly of ['Drop PDFs', 'Send reminder', 'Select all', 'Longest waiting first']) expect(text).not.toContain(squash(screenOnly));
});

test('a training queue prints under the frame with its count, without its buttons', async ({ page, app }) => {
  test.slow();
  await sampleOffice(app, 60);
  const waiting = (await app.core.handlers['training.queue']({ queue: 'training_to_send', offset: 0, limit: 1 })).total;
  await openApp(page, app);
  await page.goto(`${new URL(app.url).origin}/#/training`);
  await expect(page.getByTestId('queue-count')).toHaveText(new RegExp(`^${waiting} `));
  await catchPrintDialog(page);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintAsked(page);
  const pdf = await printToPdf(page);
  const text = pdf.pageTexts.join('');
  expect(text).toContain(squash(`${OFFICE} Training to send Everyone waiting — ${waiting} ${waiting === 1 ? 'person' : 'people'} waiting`));
  expect(text).toContain(squash('Person Agency Access level Registered'));
  for (const screenOnly of ['Send training to', 'Search the queue', 'Both documents are accepted']) expect(text).not.toContain(squash(screenOnly));
});

test('Deactivation tasks and the Outbox print under the frame, numbered, without their buttons', async ({ page, app }) => {
  test.slow();
  await sampleOffice(app, 120);
  const tasks = (await app.core.handlers['recert.deactivations']({ offset: 0, limit: 1 })).total;
  await openApp(page, app);
  await page.goto(`${new URL(app.url).origin}/#/deactivations`);
  await expect(page.getByTestId('queue-count')).toHaveText(new RegExp(`^${tasks} `));
  await catchPrintDialog(page);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintAsked(page);
  let pdf = await printToPdf(page);
  let text = pdf.pageTexts.join('');
  expect(text).toContain(squash(`${OFFICE} Deactivation tasks`));
  pdf.pageTexts.forEach((t, i) => expect(t).toContain(squash(`Page ${i + 1} of ${pdf.pages}`)));
  expect(text).not.toContain(squash('Confirm deactivated'));

  await page.goto(`${new URL(app.url).origin}/#/outbox`);
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Messages' })).toBeVisible();
  await catchPrintDialog(page);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintAsked(page);
  pdf = await printToPdf(page);
  text = pdf.pageTexts.join('');
  expect(text).toContain(squash(`${OFFICE} Outbox All messages`));
  for (const screenOnly of ['Pause sending', 'Retry all failed', 'What goes out today', 'Actions']) expect(text).not.toContain(squash(screenOnly));
});
