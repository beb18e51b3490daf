import type { Person } from '../../../shared/domain/person';
import { STAGE_LABELS } from '../../../shared/workflow';
import { defineCommand, findByName, wholeNumber, type CommandContext } from '../command';
import { formatTable } from '../output';

const AGENCY_HINT = 'To add one: npm run cli -- agencies add --name "Agency name"';

async function agencyByName(ctx: CommandContext, name: string) {
  return findByName(await ctx.call('agencies.list', {}), name, { label: 'agency', plural: 'agencies', field: 'agencyId', hint: AGENCY_HINT });
}

async function levelByName(ctx: CommandContext, name: string) {
  return findByName(await ctx.call('accessLevels.list', {}), name, { label: 'access level', plural: 'access levels', field: 'accessLevelId' });
}

const describePerson = (p: Person) =>
  `${p.firstName} ${p.lastName} <${p.email}> (#${p.id}) — ${p.agencyName}, ${p.accessLevelName}. Stage: ${STAGE_LABELS[p.stage]}.`;

const add = defineCommand({
  path: ['people', 'add'],
  summary: 'Register a new HMIS end user on the master list.',
  details: 'Agency and access level are typed by name (letter case does not matter). The email must not be on the list yet.',
  options: {
    first: { type: 'string', value: 'NAME', help: 'First name', required: true },
    last: { type: 'string', value: 'NAME', help: 'Last name', required: true },
    email: { type: 'string', value: 'EMAIL', help: 'Email address', required: true },
    agency: { type: 'string', value: 'AGENCY', help: 'Agency name, as on the agency list', required: true },
    level: { type: 'string', value: 'LEVEL', help: 'Access level name, e.g. "Read Only"', required: true },
    phone: { type: 'string', value: 'PHONE', help: 'Phone number' },
    'supervisor-name': { type: 'string', value: 'NAME', help: "Supervisor's name" },
    'supervisor-email': { type: 'string', value: 'EMAIL', help: "Supervisor's email" },
    'request-type': { type: 'string', value: 'TYPE', help: 'new_user (default), change_access, additional_agency or deactivation' },
  },
  examples: [
    'people add --first Maria --last Lopez --email maria.lopez@rivercity.example.org --agency "River City Outreach" --level "Read Only"',
  ],
  async run(v, ctx) {
    const agency = await agencyByName(ctx, v.agency);
    const level = await levelByName(ctx, v.level);
    // Checked by the contract's own schema in dispatch: the same sentences as the form in the app.
    const person = await ctx.call('people.create', {
      firstName: v.first,
      lastName: v.last,
      email: v.email,
      phone: v.phone,
      agencyId: agency.id,
      accessLevelId: level.id,
      supervisorName: v['supervisor-name'],
      supervisorEmail: v['supervisor-email'],
      requestType: v['request-type'],
    });
    return { json: person, human: `Added ${describePerson(person)}` };
  },
});

const list = defineCommand({
  path: ['people', 'list'],
  summary: 'Show the master list, optionally searched and filtered.',
  options: {
    search: { type: 'string', value: 'TEXT', help: 'Find by name, email or agency (start of words)' },
    agency: { type: 'string', value: 'AGENCY', help: 'Only people of this agency' },
    level: { type: 'string', value: 'LEVEL', help: 'Only people with this access level' },
    limit: { type: 'string', value: 'N', help: 'Show at most N people (1 to 500, default 100)' },
    offset: { type: 'string', value: 'N', help: 'Skip the first N people (to page through a long list)' },
  },
  examples: ['people list --search garcia', 'people list --agency "River City Outreach" --json'],
  async run(v, ctx) {
    const offset = wholeNumber(v.offset, 'offset');
    const page = await ctx.call('people.list', {
      search: v.search,
      agencyId: v.agency === undefined ? undefined : (await agencyByName(ctx, v.agency)).id,
      accessLevelId: v.level === undefined ? undefined : (await levelByName(ctx, v.level)).id,
      limit: wholeNumber(v.limit, 'limit'),
      offset,
    });
    return { json: page, human: peopleTable(page.items, page.total, offset ?? 0) };
  },
});

function peopleTable(items: Person[], total: number, offset: number): string {
  if (total === 0) return 'No one on the list matches.';
  const rows = items.map((p) => [String(p.id), `${p.lastName}, ${p.firstName}`, p.email, p.agencyName, p.accessLevelName, STAGE_LABELS[p.stage]]);
  const table = formatTable(['#', 'Name', 'Email', 'Agency', 'Access level', 'Stage'], rows);
  const shown = items.length === total ? `${total} ${total === 1 ? 'person' : 'people'}.` : `People ${offset + 1}–${offset + items.length} of ${total}. Use --limit and --offset to see more.`;
  return `${table}\n\n${shown}`;
}

export const peopleCommands = [add, list];
