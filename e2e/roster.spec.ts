import { ROSTER_FINDINGS } from '../shared/domain/roster';
import { expect, openApp, test, type AppUnderTest } from './fixtures';

/** The sample office, and what the check of its sample roster must show (the core's own answer). */
async function sampleOffice(app: AppUnderTest) {
  await app.core.handlers['app.dismissWelcome']({});
  await app.core.handlers['demo.seed']({ people: 60 });
  const sample = await app.core.handlers['roster.sample']({});
  return app.core.handlers['roster.check']({ fileName: sample.fileName, bytes: sample.bytes });
}

test('use the sample roster, confirm the columns, see the counts, request a deactivation and open a person', async ({ page, app }) => {
  test.slow();
  const expected = await sampleOffice(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  await page.getByRole('link', { name: 'HMIS roster check' }).click();
  await page.getByRole('button', { name: 'Use sample roster' }).click();

  await expect(page.getByRole('combobox', { name: 'Username' })).toHaveValue('HMIS user name');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Status (active/inactive)');
  await page.getByRole('button', { name: 'Check against the master list' }).click();

  for (const kind of ROSTER_FINDINGS) {
    expect(expected.counts[kind], kind).toBeGreaterThan(0);
    await expect(page.getByTestId(`roster-count-${kind}`)).toContainText(String(expected.counts[kind]));
  }
  await page.screenshot({ path: 'test-results/roster-check-1366x768.png' });

  const deactivate = expected.lines.find((l) => l.kind === 'to_deactivate' && l.personId !== null);
  const group = page.getByTestId('roster-group-to_deactivate');
  const row = group.getByRole('row', { name: new RegExp(deactivate?.personName ?? 'none') });
  await row.getByRole('button', { name: 'Request deactivation' }).click();
  await expect(row.getByRole('button', { name: 'Requested' })).toBeDisabled();
  const requests = await app.core.handlers['requests.list']({ personId: deactivate?.personId ?? 0, type: 'deactivation', offset: 0, limit: 10 });
  expect(requests.items.map((r) => r.note)).toEqual([expect.stringContaining('HMIS roster check: account')]);
  await row.getByRole('link', { name: 'Open the task' }).click();
  const task = page.getByTestId('deactivation-task').filter({ hasText: deactivate?.personName ?? 'none' });
  await expect(task).toContainText('HMIS roster check: account');
  await page.getByRole('link', { name: 'HMIS roster check' }).click();

  const noAccount = expected.lines.find((l) => l.kind === 'no_account');
  await page.getByTestId('roster-group-no_account').getByRole('link', { name: noAccount?.personName ?? 'none', exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/people/${noAccount?.personId}$`));
  await expect(page.getByRole('heading', { name: noAccount?.personName ?? 'none' })).toBeVisible();
});

test('a file without a user name or email column says which columns it found', async ({ page, app }) => {
  await app.core.handlers['app.dismissWelcome']({});
  await openApp(page, app);
  await page.getByRole('link', { name: 'HMIS roster check' }).click();
  await page.getByTestId('roster-dropzone').locator('input[type=file]').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from('Surname,Organization\r\nOkafor,Delta\r\n') });
  await expect(page.getByRole('alert')).toContainText('staff.csv has no user name or email column (found: "Surname", "Organization").');
});
