import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeSampleForm, type SampleFormPerson } from '../electron/core/documents/samples/sample-forms';
import { arrangeOffice, everyone, expect, openApp, test } from './fixtures';

/** The browser's DataTransfer, used inside page.evaluate (this file is typed for Node, without the DOM). */
declare const DataTransfer: new () => { items: { add(file: File): void } };

/** No badge cut short ("DU…") or past the right edge of the window, inside `scope`. */
async function expectBadgesWhole(page: Page, scope = 'body') {
  const cut = await page.locator(scope).evaluate((root) => {
    const labels = [...root.querySelectorAll('.mantine-Badge-label')];
    const width = root.ownerDocument.documentElement.clientWidth;
    return labels.filter((l) => l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > width).map((l) => l.textContent);
  });
  expect(cut).toEqual([]);
}

async function dropRegistrations(page: Page, name: string) {
  const file = path.resolve('e2e/fixtures-data/registrations', name);
  const text = readFileSync(file, 'utf8');
  const dataTransfer = await page.evaluateHandle(
    ({ text, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      return transfer;
    },
    { text, name },
  );
  await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
}

// What a new staff member tripped over on a 1366×768 office laptop (issue 12).
test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('a first empty Save names every field at once, in place, and nothing covers Save or Cancel', async ({ page, app }) => {
  await arrangeOffice(app.core);
  await openApp(page, app);
  await page.getByRole('button', { name: 'Add person' }).first().click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const form = page.getByRole('form', { name: 'New person' });
  for (const message of ['Choose the agency this person works for.', 'Choose the access level their supervisor requested.']) {
    await expect(form.getByText(message)).toBeVisible();
  }
  await expect(form.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Last name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('Check these 5 fields');
  // No notification at all, so none over the buttons.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Master list' })).toBeVisible();
});

test('after moving to a page, focus is on its heading and the operator name is no Tab stop', async ({ page, app }) => {
  await arrangeOffice(app.core);
  await openApp(page, app);
  await page.getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeFocused();
  // (Back on the master list, the row left last takes focus instead: the place is kept.)
  await page.getByRole('link', { name: 'Pending documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pending documents' })).toBeFocused();
  await expect(page.locator('header .operator')).toHaveText('e2e.operator');
  await expect(page.locator('header .operator')).not.toHaveAttribute('tabindex', /.*/);
});

test('the empty master list offers importing registrations', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page.getByRole('button', { name: 'Import registrations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import registrations' })).toBeVisible();
});

test('Ctrl+K keeps every letter typed at once after it, before the box has focus', async ({ page, app }) => {
  await arrangeOffice(app.core);
  await openApp(page, app);
  for (let round = 0; round < 3; round += 1) {
    await page.getByLabel('Search people').focus();
    // No wait between the shortcut and the letters: typed as fast as a person who knows the name.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('Herrera');
    const finder = page.getByRole('dialog', { name: 'Find a person' });
    await expect(finder.getByLabel('Find a person')).toHaveValue('Herrera');
    await expect(page.getByLabel('Search people')).toHaveValue('');
    await page.keyboard.press('Escape');
    await expect(finder).toBeHidden();
  }
});

test('a first import on an empty list adds every new agency at once, and no row is called new that would not import', async ({ page, app }) => {
  await app.core.handlers['app.dismissWelcome']({});
  await openApp(page, app);
  await page.getByRole('link', { name: 'Import registrations' }).click();
  await dropRegistrations(page, 'google-forms.csv');
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('waiting for a new agency');
  await expect(counts).not.toContainText(/\d+ new,/);
  const table = page.getByRole('table', { name: 'Rows of the file' });
  await expect(table.getByText('Needs agency').first()).toBeVisible();
  // At 1366×768 the reasons have room and nothing sits off the right edge.
  await expectBadgesWhole(page, 'table');
  const details = await table.getByRole('columnheader', { name: 'Details' }).boundingBox();
  expect(details!.width).toBeGreaterThan(250);
  expect(details!.x + details!.width).toBeLessThanOrEqual(1366);
  await expect(table.getByText('New', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  await page.getByRole('button', { name: 'Add all 3 new agencies' }).click();
  await expect(counts).not.toContainText('waiting for a new agency');
  await expect(table.getByText('Needs agency')).toHaveCount(0);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Imported');
  expect((await app.core.handlers['people.list'](everyone)).total).toBeGreaterThan(0);
  expect((await app.core.handlers['agencies.list']({})).map((a) => a.name).sort()).toEqual(['Delta Recovery Services', 'River City Outreach', 'Sunrise Supportive Housing']);
});

test('at 1366×768 the master list, the outbox and a person\'s messages fit: badges whole, subjects and addresses readable', async ({ page, app }) => {
  const { agency, level } = await arrangeOffice(app.core);
  const long = await app.core.handlers['people.create']({ agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user', firstName: 'Christopher', lastName: 'Montgomery-Washington', email: 'christopher.montgomery-washington@countybehavioralhealth.example.org' });
  await app.core.handlers['documents.remind']({ personIds: [long.id] });
  await openApp(page, app);
  await expect(page.getByRole('row', { name: /Montgomery/ })).toBeVisible();
  await expectBadgesWhole(page, '.people-grid');
  const grid = await page.locator('.people-grid').evaluate((g) => ({ scroll: g.scrollWidth, client: g.clientWidth }));
  expect(grid.scroll).toBeLessThanOrEqual(grid.client);

  await page.getByRole('link', { name: 'Outbox' }).click();
  const subject = page.getByRole('table', { name: 'Messages' }).getByRole('cell', { name: /Reminder/ }).first();
  await expect(subject).toBeVisible();
  expect((await subject.boundingBox())!.width).toBeGreaterThan(220);
  await expectBadgesWhole(page, 'table');

  await page.getByRole('link', { name: 'Montgomery-Washington' }).first().click();
  const messages = page.getByRole('list', { name: 'Messages' });
  await expect(messages.getByRole('listitem')).toHaveCount(1);
  await expectBadgesWhole(page, '.person-messages');
  const fits = await messages.evaluate((list) => [...list.querySelectorAll('*')].every((el) => el.getBoundingClientRect().right <= list.getBoundingClientRect().right + 1));
  expect(fits).toBe(true);
  // The address runs across the card (it once broke a letter a line in a squeezed column).
  const meta = await messages.locator('.person-message-meta').boundingBox();
  expect(meta!.width).toBeGreaterThan(350);
  expect(meta!.height).toBeLessThan(90);
});

test('the review list shows what the checks found, and A accepts then N opens the next form', async ({ page, app }) => {
  const { ngozi, tomas, level, agency } = await arrangeOffice(app.core);
  const who = (p: typeof ngozi): SampleFormPerson => ({ ...p, agencyName: agency.name, accessLevelName: level.name, supervisorName: 'James Nguyen', supervisorEmail: 'james.nguyen@delta.example.org' });
  const unsigned = await makeSampleForm({ kind: 'staff_verification', person: who(ngozi), style: 'fields', signed: false });
  const clean = await makeSampleForm({ kind: 'end_user_agreement', person: who(tomas) });
  const first = (await app.core.handlers['documents.attach']({ personId: ngozi.id, fileName: 'sv.pdf', bytes: unsigned })).document!;
  const second = (await app.core.handlers['documents.attach']({ personId: tomas.id, fileName: 'eua.pdf', bytes: clean })).document!;
  await openApp(page, app);
  await page.getByRole('link', { name: 'Pending documents' }).click();
  await page.getByRole('tab', { name: /review/i }).click();
  await expect(page.getByRole('row', { name: /Ngozi/ }).getByTestId('checks-badge')).toHaveText('1 problem');
  await expect(page.getByRole('row', { name: /Herrera/ }).getByTestId('checks-badge')).toHaveText('All checks passed');

  await page.getByRole('row', { name: /Ngozi/ }).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.getByText('Accepted', { exact: true }).first()).toBeVisible();
  expect((await app.core.handlers['documents.get']({ id: first.id })).status).toBe('accepted');
  await expect(page.getByRole('link', { name: 'Next document' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page).toHaveURL(new RegExp(`#/documents/${second.id}$`));
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog', { name: 'Reject this document' })).toBeVisible();
  // A letter typed in the dialog does not accept behind it.
  await page.keyboard.press('a');
  expect((await app.core.handlers['documents.get']({ id: second.id })).status).toBe('in_review');
});

test('a form dropped on the wrong person is not attached until staff choose whose it is', async ({ page, app }) => {
  const { ngozi, tomas, level, agency } = await arrangeOffice(app.core);
  const tomasForm = await makeSampleForm({ kind: 'end_user_agreement', person: { ...tomas, agencyName: agency.name, accessLevelName: level.name, supervisorName: 'James Nguyen', supervisorEmail: 'james.nguyen@delta.example.org' } });
  await openApp(page, app);
  await page.getByRole('row', { name: /Ngozi/ }).click();
  await expect(page.getByRole('heading', { name: 'Ngozi Okafor' })).toBeVisible();
  await page.getByTestId('attach-input').setInputFiles({ name: 'agreement.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tomasForm) });
  const dialog = page.getByTestId('upload-dialog');
  await expect(dialog.getByText(/This form is for Tomás Herrera/)).toBeVisible();
  expect(await app.core.handlers['documents.list']({ personId: ngozi.id })).toEqual([]);
  await expect(dialog.getByRole('button', { name: 'Attach to Ngozi Okafor anyway' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Attach to Tomás Herrera' }).click();
  await expect(dialog.getByText('Attached', { exact: true })).toBeVisible();
  expect((await app.core.handlers['documents.list']({ personId: tomas.id })).map((d) => d.kind)).toEqual(['end_user_agreement']);
  expect(await app.core.handlers['documents.list']({ personId: ngozi.id })).toEqual([]);
});
