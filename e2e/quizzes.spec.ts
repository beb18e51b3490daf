import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import type { Person } from '../shared/domain/person';
import type { Quiz } from '../shared/domain/quiz';
import type { Core } from '../electron/core/create-core';
import { form } from '../electron/core/documents/test-support/document-fixtures';
import { call } from '../electron/core/quizzes/test-support/training-kit';
import { arrangeOffice, expect, openApp, test } from './fixtures';

/** The browser's DataTransfer, used inside page.evaluate (this file is typed for Node, without the DOM). */
declare const DataTransfer: new () => { items: { add(file: File): void } };

const RESPONSES = path.resolve('e2e/fixtures-data/quizzes/google-forms-new-user.csv');

/** Both signed forms attached and accepted, so the person waits in "Training to send". */
async function acceptDocuments(core: Pick<Core, 'handlers'>, person: Person) {
  for (const kind of ['staff_verification', 'end_user_agreement'] as const) {
    const bytes = await form(person, { kind, signed: true, ticked: true, date: '11/20/2026' });
    const { document } = await call(core, 'documents.attach', { fileName: `${kind}.pdf`, bytes, personId: person.id, kind });
    await call(core, 'documents.review', { id: document?.id ?? 0, decision: 'accept' });
  }
}

async function dropResponses(page: Page) {
  const text = readFileSync(RESPONSES, 'utf8');
  const dataTransfer = await page.evaluateHandle(
    ({ text, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      return transfer;
    },
    { text, name: path.basename(RESPONSES) },
  );
  await page.getByTestId('responses-dropzone').dispatchEvent('drop', { dataTransfer });
}

/** The keys that answer a quiz right on the entry screen: the option numbers, then Enter, for every question. */
export function perfectKeys(quiz: Quiz): string[] {
  return quiz.questions.flatMap((q) => [...q.correct.map((i) => String(i + 1)), 'Enter']);
}

test('send training, import Forms responses, see the pass and the fail with missed questions, issue credentials, see the outbox', async ({ page, app }, testInfo) => {
  const { ngozi, tomas } = await arrangeOffice(app.core);
  await acceptDocuments(app.core, ngozi);
  await acceptDocuments(app.core, tomas);
  await openApp(page, app);

  await page.getByRole('link', { name: 'Training to send' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('2 people waiting');
  await page.getByRole('checkbox', { name: 'Choose everyone shown' }).check();
  await page.getByRole('button', { name: 'Send training to 2 people' }).click();
  await expect(page.getByRole('listitem', { name: 'Ngozi Okafor' })).toContainText('VI-SPDAT Assessment Training');
  await page.getByRole('button', { name: 'Queue 2 training emails' }).click();
  await expect(page.getByText('Nobody is waiting here.')).toBeVisible();

  await page.getByRole('link', { name: 'Quizzes to grade', exact: true }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('2 people waiting');
  await page.getByRole('link', { name: 'Import responses' }).click();
  await dropResponses(page);
  await expect(page.getByTestId('responses-summary')).toContainText('Google Forms export: 3 responses, 2 matched to people');
  await expect(page.getByText('“How many minutes did the training take you?”')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Unmatched responses' })).toContainText('someone.else@elsewhere.example.org');
  await page.getByRole('button', { name: 'Grade 2 responses' }).click();

  await expect(page.getByRole('status')).toContainText('Graded 2: 1 passed, 1 not passed');
  const pass = page.getByRole('article', { name: 'Ngozi Okafor: 100%' });
  const fail = page.getByRole('article', { name: 'Tomás Herrera: 70%' });
  await expect(pass).toContainText('Passed');
  await expect(pass).toContainText('No question missed.');
  await expect(fail).toContainText('Not passed');
  const missed = fail.getByRole('table', { name: 'Missed questions of Tomás Herrera' });
  await expect(missed.getByRole('row')).toHaveCount(4);
  await expect(missed).toContainText('Refuse: your user ID and password are for you alone');
  await page.screenshot({ path: testInfo.outputPath('grading.png'), fullPage: true });
  await page.getByRole('button', { name: 'Send 2 results' }).click();
  await expect(page.getByText('Queued 2 result emails.')).toBeVisible();
  await expect(page.getByText('Every result ready to send has been sent.')).toBeVisible();

  // Ngozi's level includes assessments: her training also asked for the assessment quiz, entered by hand.
  const assessment = (await call(app.core, 'quizzes.list', {})).find((q) => q.kind === 'assessment') as Quiz;
  await page.getByRole('link', { name: 'Quizzes to grade', exact: true }).click();
  await page.getByRole('row', { name: 'Ngozi Okafor' }).getByRole('link', { name: 'Enter answers' }).click();
  const board = page.getByTestId('answer-board');
  await expect(page.getByRole('combobox', { name: 'Quiz' })).toHaveValue('VI-SPDAT Assessment Quiz (v1)');
  await board.focus();
  for (const key of perfectKeys(assessment)) await page.keyboard.press(key);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('attempt-score')).toHaveText('10 / 10 · 100%');

  // Issue credentials refuses while the HMIS login address (Settings → Office) is empty.
  await app.core.handlers['training.settings.save']({ loginUrl: 'https://hmis.county.example.org/login' });
  await page.getByRole('link', { name: 'Credentials to issue' }).click();
  await page.getByRole('row', { name: 'Ngozi Okafor' }).getByRole('button', { name: 'Issue credentials' }).click();
  await page.getByRole('textbox', { name: 'HMIS user name' }).fill('nokafor');
  await page.getByRole('button', { name: 'Issue credentials', exact: true }).last().click();
  const password = (await page.getByTestId('temporary-password').textContent()) ?? '';
  expect(password).toMatch(/^\S{4}-\S{4}-\S{4}$/);
  await expect(page.getByText(/saved as a draft with the password in it/)).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('link', { name: 'Outbox' }).click();
  const messages = page.getByRole('table', { name: 'Messages' });
  await expect(messages.getByRole('row')).toHaveCount(6); // header, 2 training, 2 results (the fail's has the retake link), login
  await expect(messages.getByRole('row').filter({ hasText: 'Please retake' })).toHaveCount(0);
  for (const subject of ['Your HMIS login', 'Your HMIS New User Quiz result: 100%', 'Your HMIS New User Quiz result: 70%']) {
    await expect(messages.getByRole('row').filter({ hasText: subject })).toHaveCount(1);
  }
  await messages.getByRole('row').filter({ hasText: 'result: 70%' }).getByRole('button', { name: 'View' }).click();
  const viewer = page.getByRole('dialog');
  await expect(viewer).toContainText('Correct answer: Refuse: your user ID and password are for you alone');
  await expect(viewer).toHaveCSS('opacity', '1');
  await viewer.screenshot({ path: testInfo.outputPath('result-email-in-outbox.png') });

  // The result email as the person's mail program shows it (its HTML part, rendered on its own).
  const result = (await call(app.core, 'mail.list', {})).items.find((m) => m.subject.endsWith('result: 70%'));
  const mailPage = await page.context().newPage();
  await mailPage.setContent((await call(app.core, 'mail.get', { id: result?.id ?? 0 })).html);
  await expect(mailPage.getByText('Correct answer: False')).toBeVisible();
  await mailPage.screenshot({ path: testInfo.outputPath('result-email.png') });

  const credentials = (await call(app.core, 'mail.list', {})).items.find((m) => m.template === 'credentials');
  const draft = await simpleParser(readFileSync((await call(app.core, 'mail.get', { id: credentials?.id ?? 0 })).draftPath ?? ''));
  expect(draft.text).toContain(`Temporary password: ${password}`);
  expect((await call(app.core, 'people.get', { id: ngozi.id })).stage).toBe('active');
});
