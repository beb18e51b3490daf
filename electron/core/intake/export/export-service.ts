import type { ParsedInput, Output } from '../../../../shared/contract';
import type { Person } from '../../../../shared/domain/person';
import type { CoreContext } from '../../context';
import { listPeople } from '../../people/people-list.repo';
import { EXPORT_COLUMNS, exportCells, exportValues, toCsv, toXlsx } from './export-format';

const PAGE = 5000;

const CONTENT_TYPES = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function createExportService(ctx: CoreContext) {
  /** The master list with the same filters and order the list shows, page by page. */
  async function everyone(input: ParsedInput<'people.export'>): Promise<Person[]> {
    const { format: _format, ...filters } = input;
    const people: Person[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await listPeople(ctx.db, { ...filters, offset, limit: PAGE }, ctx.clock.today());
      people.push(...page.items);
      if (page.items.length < PAGE) return people;
    }
  }

  return {
    async exportPeople(input: ParsedInput<'people.export'>): Promise<Output<'people.export'>> {
      const people = await everyone(input);
      const headers = EXPORT_COLUMNS.map((c) => c.header);
      const bytes = input.format === 'xlsx' ? await toXlsx(headers, exportValues(people), 'Master list') : toCsv(headers, exportCells(people));
      return { fileName: `hmis-master-list-${ctx.clock.today()}.${input.format}`, contentType: CONTENT_TYPES[input.format], bytes, rows: people.length };
    },
  };
}
