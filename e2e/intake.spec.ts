import { readFileSync } from 'node:fs';
import path from 'node:path';
import { everyone, expect, openApp, test, type AppUnderTest } from './fixtures';
import type { Page } from '@playwright/test';

/** The browser's DataTransfer, used inside page.evaluate (this file is typed for Node, without the DOM). */
declare const DataTransfer: new () => { items: { add(file: File): void } };

const FIXTURE = path.resolve('e2e/fixtures-data/registrations/e2e-registrations.csv');

async function arrangeRiverCity(app: AppUnderTest) {
  await app.core.handlers['app.dismissWelcome']({});
  await app.core.handlers['agencies.create']({ name: 'River City Outreach' });
}

/** A real drop: a DataTransfer carrying the file, dispatched on the drop zone. */
async function dropFile(page: Page, file: string, type: string) {
  const text = readFileSync(file, 'utf8');
  const dataTransfer = await page.evaluateHandle(
    ({ text, name, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type }));
      return transfer;
    },
    { text, name: path.basename(file), type },
  );
  await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
}

test('drop a CSV, fix the one column the guess missed, import, and find the people in the master list', async ({ page, app }) => {
  await arrangeRiverCity(app);
  await openApp(page, app);
  await page.getByRole('link', { name: 'Import registrations' }).click();
  await dropFile(page, FIXTURE, 'text/csv');

  await expect(page.getByRole('alert').filter({ hasText: 'No column is chosen for: Email' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  // The column's Select is labelled by its header; its list of fields is labelled the same, hence the role.
  await page.getByRole('combobox', { name: 'HMIS login' }).click();
  await page.getByRole('option', { name: 'Email', exact: true }).click();
  await expect(page.getByTestId('import-counts')).toContainText('2 new');
  await expect(page.getByRole('row', { name: /Tomás Alvarez/ })).toContainText('Direct Service Staff with Assessments');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 new people from e2e-registrations.csv.');
  const list = await app.core.handlers['people.list'](everyone);
  expect(list.items.map((p) => p.email).sort()).toEqual(['imani.brooks@rivercity.example.org', 'tomas.alvarez@rivercity.example.org']);

  await page.getByRole('link', { name: 'Open the master list' }).click();
  await expect(page.getByText('2 people')).toBeVisible();
  await expect(page.getByRole('row', { name: /Imani/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Alvarez/ })).toBeVisible();
  const history = await app.core.handlers['people.history']({ id: list.items[0]?.id ?? 0 });
  expect(history[0]?.note).toMatch(/^Registered from e2e-registrations\.csv row [23]$/);
});

test('a file with none of the expected columns says so and writes nothing', async ({ page, app }) => {
  await arrangeRiverCity(app);
  await openApp(page, app);
  await page.getByRole('link', { name: 'Import registrations' }).click();
  await dropFile(page, path.resolve('e2e/fixtures-data/registrations/wrong-columns.csv'), 'text/csv');
  await expect(page.getByRole('alert')).toContainText('wrong-columns.csv has none of the expected columns');
  await expect(page.getByTestId('import-dropzone')).toBeVisible();
  expect((await app.core.handlers['people.list'](everyone)).total).toBe(0);
});

test('the master list exports as a CSV download', async ({ page, app }) => {
  await arrangeRiverCity(app);
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  await app.core.handlers['intake.import']({ fileName: 'e2e.csv', bytes, columns: ['firstName', 'lastName', 'email', 'agency', 'accessLevel', 'registeredOn'], existing: 'update', decisions: [], createAgencies: [], dryRun: false });
  await openApp(page, app);
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hmis-master-list-2026-11-28.csv');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('Tomás,Alvarez,tomas.alvarez@rivercity.example.org');
});
