import type { Agency } from '../../../shared/domain/agency';
import { callCommand } from '../command';
import { formatTable } from '../output';

const add = callCommand({
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
  call: 'agencies.create',
  input: (v) => ({ name: v.name, address: v.address, phone: v.phone, contactName: v['contact-name'], contactEmail: v['contact-email'] }),
  human: (agency) => `Added the agency "${agency.name}" (#${agency.id}).`,
});

function agencyTable(agencies: Agency[]): string {
  if (!agencies.length) return 'There are no agencies yet. Add one with: npm run cli -- agencies add --name "Agency name"';
  return formatTable(['#', 'Agency', 'People', 'Phone'], agencies.map((a) => [String(a.id), a.name, String(a.peopleCount), a.phone ?? '']));
}

const list = callCommand({ path: ['agencies', 'list'], summary: 'Show the partner agencies and how many people each has.', options: {}, call: 'agencies.list', human: agencyTable });

export const agencyCommands = [add, list];
