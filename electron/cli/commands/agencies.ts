import { contract } from '../../../shared/contract';
import { parseOrThrow } from '../../../shared/domain/zod-messages';
import { defineCommand } from '../command';
import { formatTable } from '../output';

const add = defineCommand({
  path: ['agencies', 'add'],
  summary: 'Add a partner agency, so its staff can be registered.',
  options: {
    name: { type: 'string', value: 'NAME', help: 'Agency name (must not be on the list yet)', required: true },
    address: { type: 'string', value: 'ADDRESS', help: 'Street address' },
    phone: { type: 'string', value: 'PHONE', help: 'Main phone number' },
    'contact-name': { type: 'string', value: 'NAME', help: 'Who the office contacts at the agency' },
    'contact-email': { type: 'string', value: 'EMAIL', help: "The contact's email" },
  },
  examples: ['agencies add --name "River City Outreach" --phone "(916) 555-0101"'],
  async run(v, ctx) {
    const input = parseOrThrow(contract['agencies.create'].input, {
      name: v.name,
      address: v.address,
      phone: v.phone,
      contactName: v['contact-name'],
      contactEmail: v['contact-email'],
    });
    const agency = await (await ctx.core()).handlers['agencies.create'](input);
    return { json: agency, human: `Added the agency "${agency.name}" (#${agency.id}).` };
  },
});

const list = defineCommand({
  path: ['agencies', 'list'],
  summary: 'Show the partner agencies and how many people each has.',
  options: {},
  async run(_v, ctx) {
    const agencies = await (await ctx.core()).handlers['agencies.list']({});
    const human = agencies.length
      ? formatTable(['#', 'Agency', 'People', 'Phone'], agencies.map((a) => [String(a.id), a.name, String(a.peopleCount), a.phone ?? '']))
      : 'There are no agencies yet. Add one with: npm run cli -- agencies add --name "Agency name"';
    return { json: agencies, human };
  },
});

export const agencyCommands = [add, list];
