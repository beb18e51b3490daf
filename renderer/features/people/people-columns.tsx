import { createColumnHelper } from '@tanstack/react-table';
import type { Person } from '../../../shared/domain/person';
import type { SortField } from './people-list-store';
import { formatDate, fullName } from './format';
import { DueCell } from '../recert/DueCell';
import { StageBadge } from './StageBadge';

const column = createColumnHelper<Person>();

/**
 * Column ids are the server's sort fields, so a header click maps straight to `people.list` sort.
 * Widths are one CSS grid template shared by the header and every row.
 */
export const PEOPLE_COLUMNS = [
  column.accessor(fullName, { id: 'name' satisfies SortField, header: 'Name' }),
  column.accessor('email', { id: 'email' satisfies SortField, header: 'Email' }),
  column.accessor('agencyName', { id: 'agency' satisfies SortField, header: 'Agency' }),
  column.accessor('accessLevelName', { id: 'accessLevel' satisfies SortField, header: 'Access level' }),
  column.accessor('registeredOn', { id: 'registeredOn' satisfies SortField, header: 'Registered', cell: (c) => formatDate(c.getValue()) }),
  column.accessor('recertDueOn', { id: 'recertDueOn' satisfies SortField, header: 'Due', cell: (c) => <DueCell person={c.row.original} /> }),
  column.accessor('stage', { id: 'stage' satisfies SortField, header: 'Stage', cell: (c) => <StageBadge stage={c.getValue()} /> }),
];

// The stage column fits the longest stage label on its badge without cutting it; the due column
// its date over "10 months overdue".
export const GRID_TEMPLATE = 'minmax(150px, 1.2fr) minmax(160px, 1.5fr) minmax(130px, 1.3fr) minmax(130px, 1.2fr) 120px 130px 250px';
