import type { Page } from '@playwright/test';
import { makeSampleForm, type SampleFormPerson } from '../electron/core/documents/samples/sample-forms';
import { arrangeOffice, expect, openApp, test } from './fixtures';

const pdf = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });

function formPerson(p: { firstName: string; lastName: string; email: string }, agencyName: string, accessLevelName: string): SampleFormPerson {
  return { ...p, agencyName, accessLevelName, supervisorName: 'James Nguyen', supervisorEmail: 'james.nguyen@delta.example.org' };
}

/** Drops files the way a browser does: dragover, then drop, with a DataTransfer built in the page. */
async function dropFiles(page: Page, selector: string, files: { name: string; buffer: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, base64: f.buffer.toString('base64') }));
  await page.locator(selector).first().evaluate((target, items) => {
    // Runs in the page; the e2e project is typed for Node, so the page's DOM classes are named here.
    const dom = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      DragEvent: new (type: string, init: object) => unknown;
    };
    const transfer = new dom.DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: 'application/pdf' }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) (target as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new dom.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, payload);
}

test('drop two PDFs on a person, reject one with a reason, accept the other, and see the queue change', async ({ page, app }) => {
  const { ngozi, level, agency } = await arrangeOffice(app.core);
  await app.core.handlers['people.update']({ id: ngozi.id, changes: { supervisorName: 'James Nguyen', supervisorEmail: 'james.nguyen@delta.example.org' } });
  const who = formPerson(ngozi, agency.name, level.name);
  const verification = await makeSampleForm({ kind: 'staff_verification', person: who, style: 'fields', signed: false });
  const agreement = await makeSampleForm({ kind: 'end_user_agreement', person: who });

  await openApp(page, app);
  await page.goto(`${app.url.replace(/#.*/, '')}#/people/${ngozi.id}`);
  await expect(page.getByRole('heading', { name: 'Ngozi Okafor' })).toBeVisible();
  await dropFiles(page, '.person-page', [pdf('Verification.pdf', verification), pdf('Agreement.pdf', agreement)]);

  const dialog = page.getByRole('dialog', { name: 'Attaching documents' });
  // Each PDF is read in a worker: give a loaded 2-core machine time, without sleeping.
  await expect(dialog.getByText('2 of 2 files done.')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('Staff Verification of Ngozi Okafor: 1 problem.')).toBeVisible();
  await expect(dialog.getByText('End User Agreement of Ngozi Okafor: All checks passed.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.stage-badge').first()).toHaveText('Documents in review');

  // Reject the unsigned Staff Verification: the reader's finding pre-ticks "Missing signature".
  await page.locator('[data-kind="staff_verification"]').getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: 'Staff Verification for HMIS Access' })).toBeVisible();
  await expect(page.locator('[data-finding="signature"]')).toContainText('The signature field is empty');
  await expect(page.locator('canvas.pdf-canvas')).toBeVisible();
  await page.getByRole('button', { name: 'Reject…' }).click();
  const reject = page.getByRole('dialog', { name: 'Reject this document' });
  await expect(reject.getByRole('checkbox', { name: /Missing signature/ })).toBeChecked();
  await reject.getByLabel('In your own words (optional)').fill('Please sign next to your printed name.');
  await expect(reject.getByText('James Nguyen <james.nguyen@delta.example.org>')).toBeVisible();
  await reject.getByRole('button', { name: 'Reject and send email' }).click();
  await expect(page.getByText('Rejected', { exact: true }).first()).toBeVisible();
  const outbox = await app.core.handlers['mail.list']({ offset: 0, limit: 10 });
  expect(outbox.items).toEqual([expect.objectContaining({ template: 'document_rejected', personId: ngozi.id, to: [expect.objectContaining({ address: 'james.nguyen@delta.example.org' })] })]);
  expect((await app.core.handlers['mail.get']({ id: outbox.items[0]!.id })).text).toContain('Please sign next to your printed name.');

  // Accept the Agreement from the person's page.
  await page.getByRole('link', { name: '← Ngozi Okafor' }).click();
  await page.locator('[data-kind="end_user_agreement"]').getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('Accepted', { exact: true }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Pending documents' }).click();
  await expect(page.getByRole('tab', { name: 'Awaiting review (0)' })).toBeVisible();
  await page.getByRole('tab', { name: 'Rejected — awaiting resubmission (1)' }).click();
  await expect(page.getByRole('row', { name: /Ngozi Okafor/ })).toContainText('Missing signature');
  expect((await app.core.handlers['people.get']({ id: ngozi.id })).stage).toBe('documents_rejected');
});

test('PDFs dropped outside a record are matched to people and confirmed on one screen', async ({ page, app }) => {
  const { ngozi, tomas, level, agency } = await arrangeOffice(app.core);
  const forNgozi = await makeSampleForm({ kind: 'end_user_agreement', person: formPerson(ngozi, agency.name, level.name) });
  const forTomas = await makeSampleForm({ kind: 'staff_verification', person: formPerson(tomas, agency.name, level.name) });
  await openApp(page, app);
  await dropFiles(page, 'h1', [pdf('eua.pdf', forNgozi), pdf('sv.pdf', forTomas)]);
  const dialog = page.getByRole('dialog', { name: 'Match the dropped files to people' });
  // Each PDF is read in a worker: give a loaded 2-core machine time, without sleeping.
  await expect(dialog.getByText('2 of 2 files done.')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByLabel('Person for eua.pdf')).toHaveValue(/Ngozi Okafor/);
  await expect(dialog.getByLabel('Person for sv.pdf')).toHaveValue(/Tomás Herrera/);
  await dialog.getByRole('button', { name: 'Attach 2 files' }).click();
  await expect(dialog.getByText('End User Agreement of Ngozi Okafor: All checks passed.')).toBeVisible();
  await expect(dialog.getByText(/Staff Verification of Tomás Herrera/)).toBeVisible();
  expect((await app.core.handlers['documents.list']({ personId: tomas.id })).map((d) => d.kind)).toEqual(['staff_verification']);
});

test('the Attach… button takes several PDFs and says why one was refused', async ({ page, app }) => {
  const { ngozi, level, agency } = await arrangeOffice(app.core);
  const agreement = await makeSampleForm({ kind: 'end_user_agreement', person: formPerson(ngozi, agency.name, level.name) });
  await openApp(page, app);
  await page.goto(`${app.url.replace(/#.*/, '')}#/people/${ngozi.id}`);
  await page.getByTestId('attach-input').setInputFiles([pdf('agreement.pdf', agreement), { name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('\u00ff\u00d8\u00ff\u00e0 not really a pdf', 'latin1') }]);
  const dialog = page.getByRole('dialog', { name: 'Attaching documents' });
  // Each PDF is read in a worker: give a loaded 2-core machine time, without sleeping.
  await expect(dialog.getByText('2 of 2 files done.')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText(/This file is not a PDF, whatever its name says \(it looks like a picture\)/)).toBeVisible();
  await expect(dialog.getByText('End User Agreement of Ngozi Okafor: All checks passed.')).toBeVisible();
});
