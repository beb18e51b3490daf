import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, test } from './fixtures';

/** Every main page, with sample data on it, as staff who use a screen reader or only a keyboard meet it. */
const PAGES = ['/people', '/people/new', '/import', '/duplicates', '/documents/pending', '/training', '/quizzes', '/credentials', '/deactivations', '/quiz-bank', '/catalog', '/outbox', '/settings', '/audit'];

test('the main pages have no WCAG A/AA violations axe can find', async ({ page, app }) => {
  // Seeding (with its sample PDFs) and twelve axe scans take a while on a loaded 2-core machine.
  test.setTimeout(180_000);
  await app.core.handlers['demo.seed']({ people: 40 });
  await openApp(page, app);
  const found: string[] = [];
  for (const route of PAGES) {
    await page.goto(`${new URL(app.url).origin}/#${route}`);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    for (const v of result.violations) found.push(`${route}: ${v.id} ${v.help}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`).join(" | ")}`);
  }
  expect(found).toEqual([]);
});
