import type { Core } from '../electron/core/create-core';
import { call } from '../electron/core/quizzes/test-support/training-kit';
import { arrangeOffice, choose, expect, openApp, test } from './fixtures';

/**
 * Today is 28 November 2026 (the fixture's clock). Ngozi passed the new-user quiz on
 * 10 December 2025 and was issued credentials: due 10 December 2026, in 12 days. Tomás is not
 * certified yet.
 */
async function certifiedOffice(core: Pick<Core, 'handlers'>) {
  const office = await arrangeOffice(core);
  const quiz = (await call(core, 'quizzes.list', {})).find((q) => q.kind === 'new_user');
  if (!quiz) throw new Error('The sample bank has no new-user quiz');
  const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, { choices: [...q.correct] }]));
  await call(core, 'quizzes.grade', { personId: office.ngozi.id, quizId: quiz.id, takenOn: '2025-12-10', answers });
  await call(core, 'credentials.issue', { personId: office.ngozi.id, username: 'nokafor', newPassword: false });
  return { ...office, quiz };
}

test('the person page shows the certification, and says when it starts for someone not certified', async ({ page, app }) => {
  const { ngozi, tomas, quiz } = await certifiedOffice(app.core);
  await openApp(page, app);
  await page.getByRole('row', { name: /Ngozi/ }).click();
  await expect(page.getByRole('heading', { name: 'Ngozi Okafor' })).toBeVisible();
  await expect(page.getByTestId('certification-line')).toHaveText('Certified Dec 10, 2025 · recertification due Dec 10, 2026 (in 12 days)');
  const card = page.getByTestId('person-certification');
  await expect(card.getByText('nokafor')).toBeVisible();
  await expect(card.locator('[data-cert-status="due"]')).toHaveText('Due');
  await expect(card.getByText('Dec 10, 2026 (in 12 days)', { exact: true })).toBeVisible();
  await expect(card.getByText('Recertification is due Dec 10, 2026 (in 12 days)', { exact: false })).toBeVisible();
  const history = card.getByRole('table', { name: 'Certification history' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText(`Credentials issued after passing “${quiz.title}” (first try, 100%, taken Dec 10, 2025)`);
  await expect(history.getByRole('row').nth(1)).toContainText('e2e.operator');

  await page.goto(`${new URL(app.url).origin}/#/people/${tomas.id}`);
  await expect(page.getByRole('heading', { name: 'Tomás Herrera' })).toBeVisible();
  await expect(page.getByTestId('person-certification')).toContainText('Not certified yet. Certification starts when credentials are issued');
  await expect(page.getByTestId('certification-line')).toHaveCount(0);
  expect((await call(app.core, 'recert.summary', { personId: ngozi.id })).dueOn).toBe('2026-12-10');
});

test('the master list shows when each person is due, and filters and sorts by it', async ({ page, app }) => {
  const { ngozi } = await certifiedOffice(app.core);
  await openApp(page, app);
  await expect(page.getByText('2 people')).toBeVisible();
  const ngoziRow = page.getByRole('row', { name: /Ngozi/ });
  await expect(ngoziRow.locator('[data-due-on="2026-12-10"]')).toHaveText(/Dec 10, 2026\s*in 12 days/);
  await expect(page.getByRole('row', { name: /Herrera/ })).toContainText('Not certified');

  await choose(page, 'Recertification due', 'Due in the next 30 days');
  await expect(page.getByText('1 person')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Due/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('row', { name: /Herrera/ })).toHaveCount(0);
  await expect(ngoziRow).toBeVisible();

  await choose(page, 'Recertification due', 'Overdue (in grace period)');
  await expect(page.getByText('No people')).toBeVisible();
  await expect(page.getByRole('heading', { name: /No one matches/ })).toBeVisible();
  const list = await call(app.core, 'people.list', { due: 'next_30' });
  expect(list.items.map((p) => p.id)).toEqual([ngozi.id]);
});

test('Settings: the recertification policy is edited, says what changes, and a save over a newer one is refused', async ({ page, app }) => {
  await certifiedOffice(app.core);
  await openApp(page, app);
  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.getByTestId('recert-policy');
  await expect(card.getByRole('heading', { name: 'Recertification policy' })).toBeVisible();
  await expect(card).toContainText('1 certified person now');

  await card.getByRole('button', { name: 'Remove 14 days after' }).click();
  const addReminder = card.getByRole('textbox', { name: 'Add to reminders before the due date (days)' });
  await addReminder.fill('30');
  await addReminder.press('Enter');
  await expect(card.getByText('30 days is already on the list.')).toBeVisible();
  await addReminder.fill('90');
  await card.getByTestId('days-reminderDaysBefore').getByRole('button', { name: 'Add' }).click();
  await card.getByLabel('Grace period (days)').fill('45');
  await card.getByLabel('One annual deadline for everyone, on').check();
  const changes = card.getByRole('alert', { name: 'What saving changes' });
  await expect(changes).toContainText('Due dates of 1 certified person move: due every June 30 for everyone');
  await expect(changes).toContainText('Reminders: 90, 60, 30, 14 and 7 days before and on the due date');
  await expect(changes).toContainText('People lapse 45 days after their due date (was 30).');
  await card.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText('Recertification policy saved.')).toBeVisible();
  const saved = await call(app.core, 'recert.policy.get', {});
  expect(saved.policy).toMatchObject({ cycle: { kind: 'fixed_deadline', month: 6, day: 30 }, reminderDaysBefore: [90, 60, 30, 14, 7, 0], overdueDaysAfter: [7], graceDays: 45 });

  // Someone else saves (another window, the CLI) while this one is being edited.
  await card.getByLabel('Sign the End User Agreement again at each recertification').check();
  await call(app.core, 'recert.policy.save', { policy: { ...saved.policy, graceDays: 60 }, expectedUpdatedAt: saved.updatedAt });
  await expect(card.getByText('Someone else saved the policy while you were editing.', { exact: false })).toBeVisible();
  await card.getByRole('button', { name: 'Save policy' }).click();
  await expect(card.getByText('Someone else changed the recertification policy while you were editing it.', { exact: false })).toBeVisible();
  expect((await call(app.core, 'recert.policy.get', {})).policy).toMatchObject({ graceDays: 60, resignAgreement: false });
  await card.getByRole('button', { name: 'Discard changes' }).click();
  await expect(card.getByLabel('Grace period (days)')).toHaveValue('60');
});
