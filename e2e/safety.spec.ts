import { readFileSync } from 'node:fs';
import { arrangeOffice, everyone, expect, openApp, test } from './fixtures';

test('the audit trail page lists who did what in sentences, filters by what it is about, and exports CSV', async ({ page, app }) => {
  await arrangeOffice(app.core);
  await openApp(page, app);
  await page.getByRole('link', { name: 'Audit trail' }).click();
  const table = page.getByRole('table', { name: 'Audit entries' });
  await expect(table.getByRole('row').filter({ hasText: 'Person #2' })).toContainText('e2e.operator');
  await page.getByRole('combobox', { name: 'About', exact: true }).click();
  await page.getByRole('option', { name: 'Agencies', exact: true }).click();
  await expect(page.getByText('2 entries', { exact: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('hmis-audit-2026-11-28.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.trim().split('\r\n')).toHaveLength(3);
  expect(csv).toContain('Midtown Youth Center');
});

test('Settings verifies the audit trail, backs up, and restores a backup after asking', async ({ page, app }) => {
  test.slow();
  await arrangeOffice(app.core);
  await openApp(page, app);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Verify the audit trail' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The audit trail is intact' })).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up 2 people and 0 files to' })).toBeVisible();

  const levels = await app.core.handlers['accessLevels.list']({});
  const agencies = await app.core.handlers['agencies.list']({});
  await app.core.handlers['people.create']({ firstName: 'After', lastName: 'Backup', email: 'after.backup@delta.example.org', agencyId: agencies[0]!.id, accessLevelId: levels[0]!.id, requestType: 'new_user' });
  expect((await app.core.handlers['people.list'](everyone)).total).toBe(3);

  await expect(page.getByRole('combobox', { name: 'Backup to restore' })).toHaveValue(/hmis-backup-2026-11-28T15-00-00Z\.hmisbak/);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup of 2026-11-28 15:00:00 UTC: 2 people and 0 files.' })).toBeVisible();
  expect((await app.core.handlers['people.list'](everyone)).total).toBe(2);
});
