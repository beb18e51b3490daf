import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { REPORT_IDS, type ReportId } from '../shared/domain/reports';
import { REPORTS } from '../shared/reports';
import { choose, expect, openApp, test, type AppUnderTest } from './fixtures';
import { catchPrintDialog, expectPrintAsked, LETTER_LANDSCAPE, LETTER_PORTRAIT, printToPdf, squash } from './print-support';

const OFFICE = 'Sacramento County HMIS Office';
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

async function sampleOffice(app: AppUnderTest) {
  await app.core.handlers['app.dismissWelcome']({});
  await app.core.handlers['mail.settings.save']({ officeName: OFFICE });
  await app.core.handlers['demo.seed']({ people: 120 });
}

async function openReport(page: Page, app: AppUnderTest, id: ReportId) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${new URL(app.url).origin}/#/reports/${id}`);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: REPORTS[id].title })).toBeVisible();
}

/** The notifications sit over the buttons at the top right for their five seconds: waited out, as a person would. */
async function closeNotifications(page: Page) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 20_000 });
}

/** The first headline number as the screen shows it, e.g. "People" → "120". */
const shownTotal = (value: number | null | undefined, percent: boolean) => (value === null || value === undefined ? '—' : percent ? `${whole.format(value)}%` : whole.format(value));

test('the Reports page lists every report and makes the agency packs; the sidebar leads to it', async ({ page, app }) => {
  test.setTimeout(240_000);
  await sampleOffice(app);
  await openApp(page, app);
  await page.getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const cards = page.getByRole('main');
  for (const id of REPORT_IDS) await expect(cards.getByRole('link', { name: REPORTS[id].title })).toBeVisible();
  await page.getByRole('button', { name: 'Make agency packs' }).click();
  const agencies = (await app.core.handlers['reports.run']({ id: 'compliance', filters: {}, rowLimit: 500 })).sections.find((s) => s.key === 'byAgency');
  await expect(page.getByTestId('agency-packs-result')).toContainText(/\d+ packs? made/, { timeout: 120_000 });
  expect(agencies?.total).toBeGreaterThan(0);
  await cards.getByRole('link', { name: REPORTS.compliance.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: REPORTS.compliance.title })).toBeVisible();
  await expect(page.getByTestId('report-body')).toBeVisible();
});

for (const id of REPORT_IDS) {
  test(`${REPORTS[id].title}: the screen, a filter and the printed PDF hold the core's numbers`, async ({ page, app }) => {
    test.slow();
    await sampleOffice(app);
    const definition = REPORTS[id];
    const total = definition.totals[0]!;
    // The agency to filter by: one the report has something to say about (Oak Park when it does),
    // so the screen shows numbers rather than its empty state.
    const agencies = (await app.core.handlers['agencies.list']({})).sort((a, b) => Number(b.name.startsWith('Oak Park')) - Number(a.name.startsWith('Oak Park')));
    let agency: (typeof agencies)[number] | undefined;
    for (const candidate of definition.filters.includes('agency') ? agencies : []) {
      const run = await app.core.handlers['reports.run']({ id, filters: { agencyId: candidate.id }, rowLimit: 1 });
      if ((run.totals[total.key] ?? 0) > 0) {
        agency = candidate;
        break;
      }
    }
    const filters = agency ? { agencyId: agency.id } : {};
    const expected = await app.core.handlers['reports.run']({ id, filters, rowLimit: 500 });
    const number = shownTotal(expected.totals[total.key], total.kind === 'percent');

    await openApp(page, app);
    await openReport(page, app, id);
    if (filters.agencyId && agency) {
      await choose(page, 'Agency', agency.name);
      await expect(page.getByText(`Agency: ${agency.name}`, { exact: false }).first()).toBeVisible();
    }
    await expect(page.getByTestId(`report-total-${total.key}`)).toContainText(number);
    if (definition.chart && expected.chart?.length) await expect(page.locator('.recharts-surface').first()).toBeVisible();
    // Nothing wider than the window at 1366×768.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

    await catchPrintDialog(page);
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await expectPrintAsked(page);
    const pdf = await printToPdf(page);
    const first = pdf.pageTexts[0] ?? '';
    expect(pdf.sizes[0]).toEqual(definition.landscape ? LETTER_LANDSCAPE : LETTER_PORTRAIT);
    expect(first).toContain(squash(OFFICE));
    expect(first).toContain(squash(definition.title));
    expect(first).toContain(squash(`${number}${total.label}`));
    if (filters.agencyId && agency) expect(first).toContain(squash(`Agency: ${agency.name}`));
    if (definition.chart && expected.chart?.length) expect(first).toContain(squash(definition.chart.title));
    pdf.pageTexts.forEach((t, i) => expect(t).toContain(squash(`Page ${i + 1} of ${pdf.pages}`)));
    for (const screenOnly of ['Save as PDF', 'XLSX', 'Clear filters', 'Master list']) expect(pdf.pageTexts.join('')).not.toContain(squash(screenOnly));
  });
}

test('Save as PDF, CSV and XLSX download the report with the numbers on the screen', async ({ page, app }) => {
  test.setTimeout(240_000);
  await sampleOffice(app);
  const expected = await app.core.handlers['reports.run']({ id: 'status', filters: {}, rowLimit: 500 });
  await openApp(page, app);
  await openReport(page, app, 'status');
  await expect(page.getByTestId('report-total-people')).toContainText(whole.format(expected.totals.people ?? 0));

  // The core starts a headless Chromium for the PDF: seconds alone, longer on a loaded machine.
  const pdfDownload = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  const download = await pdfDownload;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByText(/The report \(\d+ pages?\) saved as/)).toBeVisible();
  await closeNotifications(page);
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV', exact: true }).click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
  expect(csv).toContain('Stage');
  expect(csv).toContain('Longest wait (days)');
  expect(csv).toContain(REPORTS.status.sections[2]!.title);

  await closeNotifications(page);
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'XLSX', exact: true }).click();
  const xlsx = readFileSync((await (await xlsxDownload).path())!);
  expect(xlsx.subarray(0, 2).toString()).toBe('PK');
});

test('an empty database gets a sentence instead of empty tables, and a bad date range is refused at the field', async ({ page, app }) => {
  await app.core.handlers['app.dismissWelcome']({});
  await openApp(page, app);
  await openReport(page, app, 'status');
  await expect(page.getByText('There is nobody in the database yet.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeDisabled();
  await page.getByLabel('Registered from').fill('2026-10-01');
  await page.getByLabel('to', { exact: true }).fill('2026-09-01');
  await expect(page.getByText('The "from" date is after the "to" date; swap them.')).toBeVisible();
});
