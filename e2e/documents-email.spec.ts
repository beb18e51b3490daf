import type { Page } from '@playwright/test';
import { emlOf } from '../electron/core/documents/mail/test-support/mail-fixtures';
import { makeSampleForm } from '../electron/core/documents/samples/sample-forms';
import { arrangeOffice, expect, openApp, test } from './fixtures';

/** Drops files the way a browser does: dragover, then drop, with a DataTransfer built in the page. */
async function dropFiles(page: Page, selector: string, files: { name: string; buffer: Buffer; type: string }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, base64: f.buffer.toString('base64') }));
  await page.locator(selector).first().evaluate((target, items) => {
    const dom = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      DragEvent: new (type: string, init: object) => unknown;
    };
    const transfer = new dom.DataTransfer();
    for (const item of items) transfer.items.add(new File([Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0))], item.name, { type: item.type }));
    for (const type of ['dragenter', 'dragover', 'drop']) (target as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new dom.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, payload);
}

test('drop an email on a person: both PDFs attached, and the sender shown on review', async ({ page, app }) => {
  const { ngozi, level, agency } = await arrangeOffice(app.core);
  await app.core.handlers['people.update']({ id: ngozi.id, changes: { supervisorName: 'James Nguyen', supervisorEmail: 'james.nguyen@delta.example.org' } });
  const who = { ...ngozi, agencyName: agency.name, accessLevelName: level.name, supervisorName: 'James Nguyen', supervisorEmail: 'james.nguyen@delta.example.org' };
  const eml = await emlOf({
    from: 'James Nguyen <james.nguyen@delta.example.org>',
    subject: 'Signed forms for Ngozi Okafor',
    attachments: [
      { filename: 'Staff Verification - Okafor.pdf', content: await makeSampleForm({ kind: 'staff_verification', person: who }) },
      { filename: 'End User Agreement - Okafor.pdf', content: await makeSampleForm({ kind: 'end_user_agreement', person: who }) },
    ],
  });

  await openApp(page, app);
  await page.goto(`${app.url.replace(/#.*/, '')}#/people/${ngozi.id}`);
  await expect(page.getByRole('heading', { name: 'Ngozi Okafor' })).toBeVisible();
  await dropFiles(page, '.person-page', [{ name: 'Signed forms for Ngozi Okafor.eml', type: 'message/rfc822', buffer: Buffer.from(eml) }]);

  const dialog = page.getByRole('dialog', { name: 'Attaching documents' });
  await expect(dialog.getByText('2 of 2 files done.')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('Signed forms for Ngozi Okafor.eml › Staff Verification - Okafor.pdf')).toBeVisible();
  await expect(dialog.getByTestId('message-note')).toHaveText('From James Nguyen <james.nguyen@delta.example.org>: “Signed forms for Ngozi Okafor”');
  await expect(dialog.getByText('Staff Verification of Ngozi Okafor: All checks passed.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('[data-kind="staff_verification"]')).toContainText('By email from james.nguyen@delta.example.org · “Signed forms for Ngozi Okafor”');

  await page.locator('[data-kind="staff_verification"]').getByRole('link', { name: 'Review' }).click();
  const card = page.getByTestId('message-card');
  await expect(card).toContainText('From: James Nguyen <james.nguyen@delta.example.org>');
  await expect(card).toContainText('To: HMIS Office <hmis@county.example.gov>');
  await expect(card).toContainText('Subject: Signed forms for Ngozi Okafor');
  await expect(page.locator('[data-finding="sender"]')).toContainText('the supervisor’s address on record');
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Open the original message (Signed forms for Ngozi Okafor.eml)' }).click();
  expect((await download).suggestedFilename()).toBe('Signed forms for Ngozi Okafor.eml');
});
