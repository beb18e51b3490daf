import { callCommand, defineCommand, wholeNumber } from '../command';
import { formatTable } from '../output';

const PAGE = 500;

const list = defineCommand({
  path: ['recert', 'deactivations'],
  summary: 'List the deactivation tasks: lapsed people and deactivation requests, oldest first.',
  options: {},
  examples: ['recert deactivations --json'],
  async run(_v, ctx) {
    const first = await ctx.call('recert.deactivations', { offset: 0, limit: PAGE });
    const items = [...first.items];
    while (items.length < first.total) {
      const page = await ctx.call('recert.deactivations', { offset: items.length, limit: PAGE });
      if (!page.items.length) break;
      items.push(...page.items);
    }
    const table = formatTable(['#', 'Person', 'Agency', 'HMIS user', 'Why', 'Since'], items.map((t) => [String(t.personId), t.name, t.agencyName, t.hmisUserName ?? '', t.reason, t.since]));
    return { json: { total: first.total, items }, human: `${first.total} ${first.total === 1 ? 'account' : 'accounts'} to deactivate.\n${table}` };
  },
});

const person = { type: 'string', value: 'ID', help: "The person's number (see recert deactivations)", required: true } as const;
const note = { type: 'string', value: 'TEXT', help: 'A note for the history' } as const;

const confirm = defineCommand({
  path: ['recert', 'deactivate'],
  summary: 'Record that the HMIS account was deactivated; the supervisor is notified.',
  details: 'Deactivate the account in the HMIS vendor’s system first. --on defaults to today and cannot be in the future; --by to the operator.',
  options: { person, on: { type: 'string', value: 'DATE', help: 'The day it was deactivated (YYYY-MM-DD; default today)' }, by: { type: 'string', value: 'NAME', help: 'Who deactivated it' }, note },
  examples: ['recert deactivate --person 42 --on 2026-11-27 --by "Sam Lee"'],
  async run(v, ctx) {
    // "Today" is the core's, as the dialog's default is.
    const deactivatedOn = v.on ?? (await ctx.call('app.info', {})).today;
    const p = await ctx.call('recert.confirmDeactivated', { personId: wholeNumber(v.person, 'person') as number, deactivatedOn, deactivatedBy: v.by, note: v.note });
    return { json: p, human: `${p.firstName} ${p.lastName} is deactivated as of ${deactivatedOn}.${p.supervisorEmail ? ` The notice to ${p.supervisorEmail} is in the outbox.` : ''}` };
  },
});

const reactivate = callCommand({
  path: ['recert', 'reactivate'],
  summary: 'Bring a deactivated person back; they restart at training.',
  options: { person, note },
  examples: ['recert reactivate --person 42'],
  call: 'recert.reactivate',
  input: (v) => ({ personId: wholeNumber(v.person, 'person') as number, note: v.note }),
  human: (p) => `${p.firstName} ${p.lastName} is reactivated and waits for training.`,
});

export const deactivationCommands = [list, confirm, reactivate];
