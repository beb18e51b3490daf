import type { Core } from '../electron/core/create-core';
import { call } from '../electron/core/quizzes/test-support/training-kit';
import { arrangeOffice, expect, openApp, test } from './fixtures';

type Handlers = Pick<Core, 'handlers'>;

/** A pass on `on` and credentials issued: certified that day (the fixture's today is 28 November 2026). */
async function certify(core: Handlers, personId: number, on: string, username: string) {
  const quiz = (await core.handlers['quizzes.list']({})).find((q) => q.kind === 'new_user');
  if (!quiz) throw new Error('no new-user quiz');
  const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, { choices: [...q.correct] }]));
  await call(core, 'quizzes.grade', { personId, quizId: quiz.id, takenOn: on, answers });
  await core.handlers['credentials.issue']({ personId, username, newPassword: false });
}

/** Ngozi certified 15 September 2025: due 15 September 2026, lapsed since 16 October. Tomás due 28 December 2026: 30 days before today. */
async function arrange(core: Handlers) {
  const office = await arrangeOffice(core);
  await core.handlers['people.update']({ id: office.ngozi.id, changes: { supervisorName: 'Ada Boss', supervisorEmail: 'ada.boss@delta.example.org' } });
  await certify(core, office.ngozi.id, '2025-09-15', 'nokafor');
  await certify(core, office.tomas.id, '2025-12-28', 'therrera');
  return office;
}

test('a lapsed person is confirmed deactivated, leaves the queue, the supervisor is notified; reactivated from the person page', async ({ page, app }) => {
  const { ngozi } = await arrange(app.core);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  const nav = page.getByRole('link', { name: /Deactivation tasks/ });
  await expect(nav.getByLabel('1 account to deactivate')).toBeVisible();
  await nav.click();
  await expect(page.getByRole('heading', { name: 'Deactivation tasks', level: 1 })).toBeVisible();

  const row = page.getByTestId('deactivation-task');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Ngozi Okafor');
  await expect(row).toContainText('since Oct 16, 2026');
  await expect(row).toContainText('Supervisor: Ada Boss, ada.boss@delta.example.org');
  await expect(row).toContainText('ada.boss@delta.example.org');
  await expect(row).toContainText('nokafor');

  await row.getByRole('button', { name: 'Confirm Ngozi Okafor deactivated' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm deactivated — Ngozi Okafor' });
  const date = dialog.getByLabel('Deactivated in the HMIS on');
  await expect(date).toHaveValue('2026-11-28');
  await expect(dialog.getByLabel('Deactivated by')).toHaveValue('e2e.operator');
  await date.fill('2026-12-01');
  await expect(dialog.getByText('The date cannot be in the future.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Confirm deactivated' })).toBeDisabled();
  await date.fill('2026-11-27');
  await dialog.getByLabel('Deactivated by').fill('Sam Lee');
  await dialog.getByRole('button', { name: 'Confirm deactivated' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText('Nobody has lapsed and no deactivation is requested.')).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(nav.getByLabel('1 account to deactivate')).toBeHidden();
  const mail = await app.core.handlers['mail.list']({ offset: 0, limit: 50 });
  const notice = mail.items.find((m) => m.template === 'deactivation_notice');
  expect(notice?.to.map((a) => a.address)).toEqual(['ada.boss@delta.example.org']);
  expect(notice?.subject).toBe('HMIS access deactivated: Ngozi Okafor');
  await page.getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('row', { name: /HMIS access deactivated: Ngozi Okafor/ })).toBeVisible();

  await page.goto(`${app.url.split('#')[0]}#/people/${ngozi.id}`);
  await expect(page.getByRole('heading', { name: 'Deactivated', level: 2 })).toContainText('Deactivated');
  await expect(page.getByText('The HMIS account nokafor was deactivated on Nov 27, 2026.')).toBeVisible();
  await page.getByRole('button', { name: 'Reactivate…' }).click();
  const reactivate = page.getByRole('dialog', { name: 'Reactivate — Ngozi Okafor' });
  await reactivate.getByRole('button', { name: 'Reactivate' }).click();
  await expect(reactivate).toBeHidden();
  await expect(page.locator('.stage-badge').first()).toHaveAttribute('data-stage', 'documents_accepted');
  expect((await app.core.handlers['people.get']({ id: ngozi.id })).stage).toBe('documents_accepted');
});

test('"What goes out today" lists the reminder with its addressee, and "Queue them now" puts it in the outbox', async ({ page, app }) => {
  const { tomas } = await arrange(app.core);
  await openApp(page, app);
  await page.getByRole('link', { name: 'Outbox' }).click();
  const card = page.getByTestId('reminders-today');
  await expect(card.getByTestId('reminder-preview-summary')).toHaveText('Would queue 1 message today: 1 reminder (30 days before).');
  const line = card.getByTestId('reminder-preview-row');
  await expect(line).toContainText('Tomás Herrera');
  await expect(line).toContainText('Reminder, 30 days before');
  await expect(line).toContainText(tomas.email);
  await card.getByRole('button', { name: 'Queue them now' }).click();
  await expect(card.getByText('Queued 1 message: 1 reminder (30 days before). They are in the list below.')).toBeVisible();
  await expect(card.getByText('Nothing more to queue today: 1 reminder is already in the outbox.')).toBeVisible();
  await expect(page.getByRole('row', { name: /HMIS recertification due/ })).toBeVisible();
});

test('a long queue pages by 50, and a task can be confirmed from the keyboard', async ({ page, app }) => {
  const { agency, level } = await arrangeOffice(app.core);
  for (let i = 1; i <= 55; i += 1) {
    const n = String(i).padStart(2, '0');
    await app.core.handlers['people.create']({ agencyId: agency.id, accessLevelId: level.id, requestType: 'deactivation', firstName: 'Leaving', lastName: `Person ${n}`, email: `leaving.${n}@delta.example.org` });
  }
  await openApp(page, app);
  await page.getByRole('link', { name: /Deactivation tasks/ }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('55 accounts to deactivate');
  await expect(page.getByTestId('deactivation-task')).toHaveCount(50);
  await expect(page.getByTestId('deactivation-task').first()).toContainText('Asked for on the registration.');
  await page.getByRole('button', { name: '2', exact: true }).click();
  await expect(page.getByTestId('deactivation-task')).toHaveCount(5);

  const last = page.getByTestId('deactivation-task').last();
  const button = last.getByRole('button', { name: /^Confirm .* deactivated$/ });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Confirm deactivated/ });
  await expect(dialog.getByLabel('Deactivated in the HMIS on')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Deactivated in the HMIS on')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('queue-count')).toHaveText('54 accounts to deactivate');
  await expect(page.getByTestId('deactivation-task')).toHaveCount(4);
});

test('"What goes out today" says which level holds its reminders for want of a recertification quiz, and sends none of them', async ({ page, app }) => {
  const { tomas } = await arrange(app.core);
  const catalog = await call(app.core, 'training.catalog', {});
  const level = catalog.levels.find((l) => l.id === tomas.accessLevelId);
  if (!level) throw new Error('no level');
  await call(app.core, 'training.levels.save', { id: level.id, name: level.name, includesAssessments: level.includesAssessments, trainingSets: level.trainingSets, quizzes: { ...level.quizzes, recertification: null } });
  await openApp(page, app);
  await page.getByRole('link', { name: 'Outbox' }).click();
  const card = page.getByTestId('reminders-today');
  const held = card.getByTestId('reminders-held');
  await expect(held).toContainText(`1 reminder is held, not sent: the access level “${level.name}” (1) has no recertification quiz with a link.`);
  await expect(card.getByText('Nothing else to queue today.')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Queue them now' })).toHaveCount(0);
  await held.getByRole('link', { name: 'Open Training catalog' }).click();
  await expect(page.getByRole('heading', { name: 'Training catalog', level: 1 })).toBeVisible();
});
