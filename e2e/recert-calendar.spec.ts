import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { choose, expect, openApp, test, type AppUnderTest } from './fixtures';

// The fixture's clock: 2026-11-28, so the calendar opens on November 2026.
const DECEMBER = '2026-12';

/** Seeding writes sample PDFs too: on a loaded 2-core machine each test that calls this is marked slow. */
async function sampleOffice(app: AppUnderTest) {
  await app.core.handlers['app.dismissWelcome']({});
  await app.core.handlers['demo.seed']({ people: 120 });
}

/** December's busiest day and its people, as the core has them. */
async function busiestDay(app: AppUnderTest, agencyId?: number) {
  const month = await app.core.handlers['recert.calendar']({ month: DECEMBER, agencyId });
  const day = [...month.days].sort((a, b) => b.count - a.count || a.date.localeCompare(b.date))[0];
  if (!day) throw new Error('The sample office has nobody due in December 2026.');
  const people = await app.core.handlers['recert.due']({ from: day.date, to: day.date, agencyId, offset: 0, limit: 500 });
  return { ...day, people: people.items, total: month.total };
}

const longDay = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
const dayButton = (page: Page, date: string) => page.getByTestId('month-grid').getByRole('button', { name: new RegExp(`^${longDay(date)}: `) });

async function openCalendar(page: Page, app: AppUnderTest) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  await page.getByRole('link', { name: 'Recertification' }).click();
  await expect(page.getByRole('heading', { name: 'November 2026', exact: true })).toBeVisible();
}

test('navigate months, open a day and see its people, walk the days by keyboard, filter by agency', async ({ page, app }) => {
  test.slow();
  await sampleOffice(app);
  const busiest = await busiestDay(app);
  await openCalendar(page, app);

  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByRole('heading', { name: 'December 2026', exact: true })).toBeVisible();
  await expect(page.getByTestId('month-total')).toHaveText(`${busiest.total} due in the month`);
  const day = dayButton(page, busiest.date);
  await expect(day).toHaveAccessibleName(`${longDay(busiest.date)}: ${busiest.count} ${busiest.count === 1 ? 'person' : 'people'} due`);
  await expect(day).toContainText(String(busiest.count));

  await day.click();
  const panel = page.getByTestId('selection-people');
  for (const person of busiest.people) {
    const row = panel.getByRole('row', { name: new RegExp(person.name) });
    await expect(row).toContainText(person.agencyName);
    await expect(row).toContainText(person.accessLevelName);
    await expect(row.getByRole('link', { name: person.name })).toHaveAttribute('href', `#/people/${person.personId}`);
  }
  await expect(panel.getByRole('row')).toHaveCount(busiest.people.length + 1);

  // Keyboard only: the day keeps focus, arrows walk it, Enter opens the next day, PageDown the next month.
  await expect(day).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const weekLater = new Date(Date.parse(`${busiest.date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  await expect(dayButton(page, weekLater)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  const next = new Date(Date.parse(`${busiest.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(longDay(next));
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('heading', { name: 'January 2027', exact: true })).toBeVisible();
  await expect(page.getByTestId('month-grid').getByRole('button', { name: /^January/ }).and(page.locator(':focus'))).toHaveCount(1);
  await page.keyboard.press('PageUp');
  await expect(page.getByRole('heading', { name: 'December 2026', exact: true })).toBeVisible();

  // One agency: the counts are that agency's, and the filter stays when the month changes.
  const agency = busiest.people[0]!.agencyName;
  const agencyId = (await app.core.handlers['agencies.list']({})).find((a) => a.name === agency)!.id;
  const theirs = await busiestDay(app, agencyId);
  await choose(page, 'Agency', agency);
  await expect(page.getByTestId('month-total')).toHaveText(`${theirs.total} due in the month`);
  await expect(dayButton(page, theirs.date)).toContainText(String(theirs.count));
  await page.getByRole('button', { name: 'Previous month' }).click();
  await expect(page.getByRole('heading', { name: 'November 2026', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Agency', exact: true })).toHaveValue(agency);
  const november = await app.core.handlers['recert.calendar']({ month: '2026-11', agencyId });
  await expect(page.getByTestId('month-total')).toHaveText(`${november.total} due in the month`);
  const agendaRows = page.getByTestId('agenda').locator('tbody tr:not(.agenda-day)');
  await expect(agendaRows).toHaveCount(november.total);

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('the next 90 days open their weeks, and overdue people are one click away', async ({ page, app }) => {
  test.slow();
  await sampleOffice(app);
  const overdue = await app.core.handlers['recert.due']({ statuses: ['overdue'], offset: 0, limit: 500 });
  const firstWeek = await app.core.handlers['recert.due']({ from: '2026-11-28', to: '2026-12-04', offset: 0, limit: 500 });
  await openCalendar(page, app);
  const glance = page.getByTestId('ninety-days');
  await glance.getByRole('button', { name: `Nov 28 – Dec 4: ${firstWeek.total} ${firstWeek.total === 1 ? 'person' : 'people'} due` }).click();
  const panel = page.getByTestId('selection-people');
  await expect(panel.locator('tbody tr')).toHaveCount(firstWeek.total);
  await panel.getByRole('button', { name: 'Next 90 days' }).click();
  await glance.getByRole('button', { name: `Overdue now: ${overdue.total}` }).click();
  await expect(panel.getByRole('heading', { name: 'Overdue now' })).toBeFocused();
  for (const person of overdue.items) await expect(panel.getByRole('link', { name: person.name })).toBeVisible();
});

test('print month gives a PDF of the grid and the agenda, without buttons', async ({ page, app }) => {
  test.slow();
  await sampleOffice(app);
  const busiest = await busiestDay(app);
  await openCalendar(page, app);
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByTestId('month-total')).toHaveText(`${busiest.total} due in the month`);
  // The browser's print dialog cannot be driven; Chromium's PDF printer lays out the same print view.
  // Typed for Node, without the DOM: the page's own window is reached through globalThis.
  await page.evaluate(() => {
    const win = globalThis as unknown as { print(): void; document: { body: { setAttribute(name: string, value: string): void } } };
    win.print = () => win.document.body.setAttribute('data-print-asked', 'yes');
  });
  await page.getByRole('button', { name: 'Print month' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-print-asked', 'yes');
  const pdf = await page.pdf({ format: 'Letter' });

  expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThanOrEqual(1);
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1) text += `${(await (await doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ')}\n`;
  // pdf.js splits words at ligatures ("Recerti fi cation"): compare without whitespace.
  const printed = text.replace(/\s+/g, '');
  const squash = (s: string) => s.replace(/\s+/g, '');
  expect(printed).toContain(squash('Recertification due — December 2026'));
  expect(printed).toContain(squash(`${busiest.total} ${busiest.total === 1 ? "person" : "people"} due`));
  for (const person of busiest.people) expect(printed).toContain(squash(person.name));
  for (const button of ['Print month', 'Download ICS', 'Next month', 'Master list']) expect(printed).not.toContain(squash(button));
});

/** An iCalendar file's events (RFC 5545: folded lines unfolded), with their all-day start dates. */
function parseIcs(text: string): { start: string; summary: string }[] {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  const events: { start: string; summary: string }[] = [];
  let current: { start: string; summary: string } | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = { start: '', summary: '' };
    else if (line === 'END:VEVENT' && current) events.push(current);
    const start = /^DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})$/.exec(line);
    if (current && start) current.start = `${start[1]}-${start[2]}-${start[3]}`;
    if (current && line.startsWith('SUMMARY:')) current.summary = line.slice('SUMMARY:'.length).replace(/\\,/g, ',');
  }
  return events;
}

async function downloadIcs(page: Page, item: string | RegExp) {
  await page.getByRole('button', { name: 'Download ICS' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  const file = await download;
  return { name: file.suggestedFilename(), events: parseIcs(readFileSync(await file.path(), 'utf8')) };
}

async function everyoneDue(app: AppUnderTest, agencyId?: number) {
  const rows = [];
  for (let offset = 0; ; offset += 500) {
    const page = await app.core.handlers['recert.due']({ agencyId, offset, limit: 500 });
    rows.push(...page.items);
    if (rows.length >= page.total) return rows;
  }
}

test('Download ICS holds every due date, for everyone or the chosen agency', async ({ page, app }) => {
  test.slow();
  await sampleOffice(app);
  await openCalendar(page, app);
  const all = await everyoneDue(app);
  const everyone = await downloadIcs(page, 'Everyone (all agencies)');
  expect(everyone.name).toBe('recertification-due-dates.ics');
  expect(everyone.events.map((e) => e.start).sort()).toEqual(all.map((r) => r.dueOn).sort());
  const sample = all[0]!;
  expect(everyone.events).toContainEqual({ start: sample.dueOn, summary: `Recertification due: ${sample.name} (${sample.agencyName})` });

  await choose(page, 'Agency', sample.agencyName);
  const agencyId = (await app.core.handlers['agencies.list']({})).find((a) => a.name === sample.agencyName)!.id;
  const theirs = await downloadIcs(page, `Only ${sample.agencyName}`);
  expect(theirs.name).toMatch(/^recertification-due-dates-[a-z0-9-]+\.ics$/);
  expect(theirs.events.map((e) => e.start).sort()).toEqual((await everyoneDue(app, agencyId)).map((r) => r.dueOn).sort());
  expect(theirs.events.every((e) => e.summary.endsWith(`(${sample.agencyName})`))).toBe(true);
  expect(theirs.events.length).toBeLessThan(everyone.events.length);
});

test('an office with nobody certified yet is told where certifications come from', async ({ page, app }) => {
  await app.core.handlers['app.dismissWelcome']({});
  await openApp(page, app);
  await page.getByRole('link', { name: 'Recertification' }).click();
  const empty = page.getByTestId('recert-empty');
  await expect(empty.getByRole('heading', { name: 'No one is certified yet' })).toBeVisible();
  await expect(empty).toContainText('starts when their HMIS credentials are issued');
  await expect(page.getByRole('button', { name: 'Print month' })).toHaveCount(0);
  await empty.getByRole('button', { name: 'Credentials to issue' }).click();
  await expect(page).toHaveURL(/#\/credentials$/);
});
