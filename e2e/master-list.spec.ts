import { arrangeOffice, choose, everyone, expect, openApp, test } from './fixtures';

test('a first run offers sample data, and loading it fills the master list', async ({ page, app }) => {
  // Seeding 250 people and reading their sample forms takes seconds alone and much longer on a
  // loaded two-core machine: the one step that waits for it has its own budget, inside this one.
  test.setTimeout(180_000);
  await openApp(page, app);
  await page.getByRole('button', { name: 'Load sample data' }).click();
  // The app marks when the whole job (people, then their sample forms) is in, or failed.
  const root = page.locator('[data-app-state]');
  await expect(root).toHaveAttribute('data-sample-data', /^(loaded|failed)$/, { timeout: 120_000 });
  await expect(root).toHaveAttribute('data-sample-data', 'loaded');
  await expect(page.getByText(/250 people/)).toBeVisible();
  const info = await app.core.handlers['app.info']({});
  expect(info.counts.people).toBe(250);
});

test('add a person from the form and find them in the list', async ({ page, app }) => {
  await app.core.handlers['agencies.create']({ name: 'Delta Recovery Services' });
  await openApp(page, app);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page.getByRole('button', { name: 'Add person' }).first().click();
  await page.getByLabel('First name').fill('Ngozi');
  await page.getByLabel('Last name').fill('Okafor');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('ngozi.okafor@delta.example.org');
  await choose(page, 'Agency', 'Delta Recovery Services');
  await choose(page, 'Access level', 'Read Only');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ngozi Okafor' })).toBeVisible();
  await expect(page.getByText('Registered — awaiting documents').first()).toBeVisible();
  const list = await app.core.handlers['people.list'](everyone);
  expect(list.items.map((p) => p.email)).toEqual(['ngozi.okafor@delta.example.org']);
});

test('search as you type narrows the list and shows the count', async ({ page, app }) => {
  await arrangeOffice(app.core);
  await openApp(page, app);
  await expect(page.getByText('2 people')).toBeVisible();
  await page.getByLabel('Search people').fill('okaf');
  await expect(page.getByText('1 person')).toBeVisible();
  await expect(page.getByRole('row', { name: /Ngozi/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Herrera/ })).toHaveCount(0);
});

test('Ctrl+K finds a person from anywhere and opens them', async ({ page, app }) => {
  await arrangeOffice(app.core);
  await openApp(page, app);
  await page.keyboard.press('Control+K');
  const finder = page.getByRole('dialog', { name: 'Find a person' });
  await expect(finder).toBeVisible();
  await finder.getByLabel('Find a person').fill('herre');
  await expect(finder.getByText('Tomás Herrera')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tomás Herrera' })).toBeVisible();
});

test('editing a person shows the change in their audit timeline', async ({ page, app }) => {
  const { ngozi } = await arrangeOffice(app.core);
  await openApp(page, app);
  await page.getByRole('row', { name: /Ngozi/ }).click();
  await expect(page.getByRole('heading', { name: 'Ngozi Okafor' })).toBeVisible();
  await page.getByLabel('Phone').fill('(916) 555-0142');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('(916) 555-0142').last()).toBeVisible();
  const history = await app.core.handlers['people.history']({ id: ngozi.id });
  expect(history[0]).toMatchObject({ action: 'person.updated', after: { phone: '(916) 555-0142' } });
  await expect(page.getByRole('list', { name: 'History' }).getByText(/e2e\.operator/).first()).toBeVisible();
});

test('an invalid email is explained at the field and nothing is written', async ({ page, app }) => {
  await arrangeOffice(app.core);
  await openApp(page, app);
  await page.getByRole('button', { name: 'Add person' }).first().click();
  await page.getByLabel('First name').fill('Ana');
  await page.getByLabel('Last name').fill('Lo');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('ana.lo@delta');
  await choose(page, 'Agency', 'Delta Recovery Services');
  await choose(page, 'Access level', 'Read Only');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Enter a complete email address, like name@agency.org.')).toBeVisible();
  expect((await app.core.handlers['people.list'](everyone)).total).toBe(2);
});

test('a duplicate email is refused with its message and nothing is written', async ({ page, app }) => {
  await arrangeOffice(app.core);
  await openApp(page, app);
  await page.getByRole('button', { name: 'Add person' }).first().click();
  await page.getByLabel('First name').fill('Ngozi');
  await page.getByLabel('Last name').fill('Okafor');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('NGOZI.OKAFOR@delta.example.org');
  await choose(page, 'Agency', 'Delta Recovery Services');
  await choose(page, 'Access level', 'Read Only');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Someone with this email is already on the list.')).toBeVisible();
  expect((await app.core.handlers['people.list'](everyone)).total).toBe(2);
});
