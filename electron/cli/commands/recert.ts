import path from 'node:path';
import { callCommand, defineCommand, findByName, wholeNumber } from '../command';
import { formatTable } from '../output';
import { writeAtomically } from './export';

const remind = callCommand({
  path: ['recert', 'remind'],
  summary: "Queue today's recertification reminders and overdue notices (each person's at most once).",
  details: 'Safe to run daily from Windows Task Scheduler while the app is open too: a reminder already queued is never queued again. --dry-run shows what would go out today.',
  options: { 'dry-run': { type: 'boolean', help: 'Only say what would go out today; queue nothing' } },
  examples: ['recert remind --dry-run', 'recert remind --json'],
  call: 'recert.remind',
  input: (v) => ({ dryRun: v['dry-run'] === true }),
  // `held`: owed but not sent, their level having no recertification quiz link (see recert.remind).
  json: (o) => ({ queued: o.queued, skippedAlreadySent: o.skippedAlreadySent, byOffset: o.byOffset, held: o.held.length }),
  human: (o, v) => {
    const verb = v['dry-run'] ? 'Would queue' : 'Queued';
    const lines = [`${verb} ${o.queued} ${o.queued === 1 ? 'message' : 'messages'}; ${o.skippedAlreadySent} already sent.`];
    if (o.items.length) lines.push(formatTable(['Person', 'Due', 'Offset', 'Kind'], o.items.map((i) => [i.name, i.dueOn, String(i.offsetDays), i.kind])));
    if (o.held.length) {
      const levels = [...new Set(o.held.map((h) => h.accessLevelName))].map((name) => `"${name}"`).join(', ');
      lines.push(`Held ${o.held.length} ${o.held.length === 1 ? 'reminder' : 'reminders'}, not sent: no recertification quiz with a link for ${levels}. Choose one in Training catalog; the next run sends them.`);
    }
    return lines.join('\n');
  },
});

const due = defineCommand({
  path: ['recert', 'due'],
  summary: 'List certified people due for recertification within DAYS (overdue and lapsed included).',
  options: { within: { type: 'string', value: 'DAYS', help: 'Due within this many days from today (default 30)' } },
  examples: ['recert due --within 60 --json'],
  async run(v, ctx) {
    const withinDays = wholeNumber(v.within, '--within') ?? 30;
    const first = await ctx.call('recert.due', { withinDays, offset: 0, limit: 500 });
    const items = [...first.items];
    const total = first.total;
    while (items.length < total) {
      const page = await ctx.call('recert.due', { withinDays, offset: items.length, limit: 500 });
      if (!page.items.length) break;
      items.push(...page.items);
    }
    const human = formatTable(['Person', 'Agency', 'Due', 'Days left', 'Status'], items.map((i) => [i.name, i.agencyName, i.dueOn, String(i.daysLeft), i.status]));
    return { json: { total, items }, human: `${total} ${total === 1 ? 'person' : 'people'} due within ${withinDays} days.\n${human}` };
  },
});

const ics = defineCommand({
  path: ['recert', 'ics'],
  summary: 'Save recertification due dates as an iCalendar (.ics) file for Outlook.',
  options: {
    out: { type: 'string', value: 'FILE', help: 'Where to save the .ics file', required: true },
    agency: { type: 'string', value: 'NAME', help: 'Only people of this agency' },
  },
  examples: ['recert ics --out recertification.ics', 'recert ics --out river-city.ics --agency "River City Outreach"'],
  async run(v, ctx) {
    const agencies = v.agency === undefined ? undefined : await ctx.call('agencies.list', {});
    const agencyId = agencies && v.agency !== undefined ? findByName(agencies, v.agency, { label: 'agency', plural: 'agencies', field: 'agency' }).id : undefined;
    const file = await ctx.call('recert.ics', { agencyId });
    const out = path.resolve(v.out);
    writeAtomically(out, new TextEncoder().encode(file.text));
    return { json: { file: out, events: file.events }, human: `Saved ${file.events} due ${file.events === 1 ? 'date' : 'dates'} to ${out}.` };
  },
});

export const recertCommands = [remind, due, ics];
