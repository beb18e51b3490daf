import type { Person } from '../shared/domain/person';
import type { Quiz } from '../shared/domain/quiz';
import type { Core } from '../electron/core/create-core';
import { form } from '../electron/core/documents/test-support/document-fixtures';
import { call } from '../electron/core/quizzes/test-support/training-kit';
import { arrangeOffice, expect, openApp, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// A long flow (a whole quiz typed key by key, then send and void) on a shared CI machine.
test.setTimeout(60_000);

/** Both forms accepted and the training email sent: the person waits in Quizzes to grade. */
async function trainingSent(core: Pick<Core, 'handlers'>, person: Person) {
  for (const kind of ['staff_verification', 'end_user_agreement'] as const) {
    const bytes = await form(person, { kind, signed: true, ticked: true, date: '11/20/2026' });
    const { document } = await call(core, 'documents.attach', { fileName: `${kind}.pdf`, bytes, personId: person.id, kind });
    await call(core, 'documents.review', { id: document?.id ?? 0, decision: 'accept' });
  }
  await call(core, 'training.send', { personIds: [person.id] });
}

type Question = Quiz['questions'][number];
const keysFor = (q: Question) => [...q.correct.map((i) => String(i + 1)), 'Enter'];

test('keyboard entry: a key selects and Enter moves on, never skipping; blanks are graded only when staff say so; a mistaken attempt is voided', async ({ page, app }, testInfo) => {
  const { ngozi } = await arrangeOffice(app.core);
  await trainingSent(app.core, ngozi);
  const quiz = (await call(app.core, 'quizzes.list', {})).find((q) => q.kind === 'new_user') as Quiz;
  await openApp(page, app);
  await page.getByRole('link', { name: 'Quizzes to grade', exact: true }).click();
  await page.getByRole('row', { name: 'Ngozi Okafor' }).getByRole('link', { name: 'Enter answers' }).click();
  await expect(page.getByRole('combobox', { name: 'Quiz' })).toHaveValue('HMIS New User Quiz (v1)');
  await expect(page.getByText('then Enter next question', { exact: false })).toBeVisible();
  const progress = page.getByTestId('answer-progress');
  const current = page.locator('[aria-current="step"]');
  await page.getByTestId('answer-board').focus();

  // The habit that used to skip a question: option key, then Enter. Each pair is one question.
  const [q1, q2, q3] = quiz.questions;
  for (const key of [...keysFor(q1 as Question), ...keysFor(q2 as Question)]) await page.keyboard.press(key);
  await expect(progress).toHaveText(`2 of ${quiz.questions.length} answered`);
  await expect(current).toContainText(q3?.text ?? '');
  await page.keyboard.press('Enter'); // nothing chosen: Enter stays on the question
  await expect(current).toContainText(q3?.text ?? '');

  // Grading with blanks asks first, with focus on the safe choice.
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog', { name: 'Grade with answers missing?' });
  await expect(dialog).toContainText(`${quiz.questions.length - 2} questions have no answer — grade anyway?`);
  await expect(dialog.getByRole('button', { name: 'Keep entering answers' })).toBeFocused();
  await expect(dialog).toHaveCSS('opacity', '1');
  await page.screenshot({ path: testInfo.outputPath('answer-entry-blanks-dialog.png') });
  await page.keyboard.press('Enter'); // the focused, safe choice
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('attempt-score')).toHaveCount(0);
  expect((await call(app.core, 'quizzes.attempts', { personId: ngozi.id })).total).toBe(0);

  for (const q of quiz.questions.slice(2)) for (const key of keysFor(q)) await page.keyboard.press(key);
  await expect(progress).toHaveText(`${quiz.questions.length} of ${quiz.questions.length} answered`);
  await page.screenshot({ path: testInfo.outputPath('answer-entry-progress.png') });
  await page.keyboard.press('Control+Enter'); // nothing missing: grades at once
  await expect(page.getByTestId('attempt-score')).toHaveText('10 / 10 · 100%');

  // Send results: the page says so at once, and offers only a deliberate resend.
  const result = page.getByRole('article');
  await result.getByRole('button', { name: 'Send results' }).click();
  await expect(result).toContainText('Results sent');
  await expect(result.getByRole('button', { name: 'Send results again' })).toBeVisible();
  await expect(result).not.toContainText('Results not sent yet');
  expect((await call(app.core, 'mail.list', {})).items.filter((m) => m.template === 'quiz_result')).toHaveLength(1);

  // Void the attempt: kept, marked voided with the reason, no longer sendable.
  await result.getByRole('button', { name: 'Void attempt' }).click();
  const voidDialog = page.getByRole('dialog', { name: 'Void this attempt?' });
  await voidDialog.getByRole('textbox', { name: 'Reason' }).fill('Entered for the wrong person');
  await voidDialog.getByRole('button', { name: 'Void attempt' }).click();
  await expect(page.getByTestId('attempt-voided')).toContainText('Entered for the wrong person');
  await expect(result.getByRole('button', { name: /Send results/ })).toHaveCount(0);
  const [stored] = (await call(app.core, 'quizzes.attempts', { personId: ngozi.id })).items;
  expect(stored?.voided?.reason).toBe('Entered for the wrong person');
  expect((await call(app.core, 'people.get', { id: ngozi.id })).stage).toBe('training_sent');

  // Back in Quizzes to grade, the row says what keeps Ngozi there (the voided attempt counts for nothing).
  await page.getByRole('link', { name: 'Quizzes to grade', exact: true }).click();
  const row = page.getByRole('row', { name: 'Ngozi Okafor' });
  await expect(row).toContainText('HMIS New User Quiz, VI-SPDAT Assessment Quiz not passed yet');
  await expect(row).toContainText('None yet');
});
