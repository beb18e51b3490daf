import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import { IMPORT_FIELD_LABELS, ROW_VERDICTS, type ImportPreview, type ImportResult, type RowVerdict } from '../../../shared/domain/intake';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { mapYielding } from '../db/yield-budget';
import { assertUsable, describeColumns, missingFields, resolveColumns, type ResolvedColumns } from './columns';
import { createConfirmedAgencies } from './import-agencies';
import { summarize } from './import-summary';
import { writeImport } from './import-write';
import { chunks, findBatchBySha, loadLookups } from './intake.repo';
import { createRowJudge, toPreviewRow, type JudgedRow } from './judge-rows';
import { ensureDefaultSynonyms } from './mappings-service';
import { getMapping } from './mappings.repo';
import { readTable } from './read-table';
import { lookupKeys, prepareRows, type PreparedRow } from './row-values';
import type { Table } from './table';

type Source = ParsedInput<'intake.preview'>;

/** A file read and mapped, before anything is looked up in the database. */
interface ReadFile {
  fileName: string;
  table: Table;
  resolved: ResolvedColumns;
  rows: PreparedRow[];
  sha256: string;
  mappingName: string | null;
}

/** Thrown to roll a dry run back after it did everything a real import does. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

function countVerdicts(judged: readonly JudgedRow[]): Record<RowVerdict, number> {
  const counts = Object.fromEntries(ROW_VERDICTS.map((v) => [v, 0])) as Record<RowVerdict, number>;
  for (const j of judged) counts[j.verdict] += 1;
  return counts;
}

/** `prepareRows` in slices (it has no state across rows), yielding between them. */
async function prepareYielding(table: Table, fields: ResolvedColumns['fields']): Promise<PreparedRow[]> {
  const slices = await mapYielding(chunks(table.rows), (part) => prepareRows(part, fields));
  return slices.flat();
}

export function createIntakeService(ctx: CoreContext) {
  /** Judging 10,000 rows takes most of a second: it yields between slices, and an import reports it. */
  async function judge(db: Db, file: ReadFile, strictAgencies: boolean, report?: (done: number) => void) {
    const lookups = await loadLookups(db, lookupKeys(file.rows), ctx.clock.today());
    return { lookups, judged: await mapYielding(file.rows, createRowJudge(lookups, { strictAgencies }), report) };
  }

  const service = {
    /** Everything before the database: bytes to rows, columns to fields. */
    async read(input: Source): Promise<ReadFile> {
      await ensureDefaultSynonyms(ctx);
      const table = await readTable(input.fileName, input.bytes);
      const saved = input.mappingName ? await getMapping(ctx.db, input.mappingName) : undefined;
      if (input.mappingName && !saved) throw new AppError('not_found', `There is no saved mapping named "${input.mappingName}".`, [{ field: 'mappingName', message: 'No mapping has this name.' }]);
      const resolved = resolveColumns(table.headers, input.columns, saved);
      assertUsable(input.fileName, table.headers, resolved.fields);
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      return { fileName: input.fileName, table, resolved, rows: await prepareYielding(table, resolved.fields), sha256, mappingName: saved?.name ?? null };
    },

    async preview(input: Source): Promise<ImportPreview> {
      const file = await service.read(input);
      const { lookups, judged } = await judge(ctx.db, file, false);
      const previous = await findBatchBySha(ctx.db, file.sha256);
      const newAgencies = new Map<string, { name: string; rows: number }>();
      for (const j of judged) {
        if (!j.newAgency || !j.values) continue;
        const key = j.newAgency.toLowerCase();
        newAgencies.set(key, { name: newAgencies.get(key)?.name ?? j.newAgency, rows: (newAgencies.get(key)?.rows ?? 0) + 1 });
      }
      return {
        fileName: file.fileName,
        fileSha256: file.sha256,
        format: file.table.format,
        sheet: file.table.sheet,
        columns: describeColumns(file.table, file.resolved),
        missingFields: missingFields(file.resolved.fields),
        rows: judged.map(toPreviewRow),
        counts: countVerdicts(judged),
        newAgencies: [...newAgencies.values()],
        accessLevels: lookups.levelNames,
        previousImport: previous ? { at: previous.at, operator: previous.operator, fileName: previous.fileName } : null,
        mappingName: file.mappingName,
      };
    },

    /**
     * Judges and writes in one transaction, so the verdicts are those of the data written over.
     * A failure anywhere rolls everything back: no person, agency, request or audit row remains.
     */
    async importFile(input: ParsedInput<'intake.import'>): Promise<ImportResult> {
      const file = await service.read(input);
      const missing = missingFields(file.resolved.fields);
      if (missing.length) {
        const names = missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ');
        throw new AppError('invalid', `Map a column to ${names} before importing ${file.fileName}.`, missing.map((f) => ({ field: `columns.${f}`, message: 'No column is mapped to this field.' })));
      }
      const previous = await findBatchBySha(ctx.db, file.sha256);
      const decisions = new Map(input.decisions.map((d) => [d.row, d.action]));
      const run = async (trx: Db): Promise<ImportResult> => {
        const agenciesCreated = await createConfirmedAgencies(trx, ctx, input.createAgencies, file);
        const total = file.rows.length;
        const { judged } = await judge(trx, file, true, (done) => ctx.emit('progress', { job: 'intake.import', label: `Checking ${file.fileName}`, done, total }));
        const summary = summarize(judged, (row) => decisions.get(row) ?? input.existing);
        const mapping = file.table.headers.map((header, i) => ({ header, field: file.resolved.fields[i] ?? null }));
        const outcome = await writeImport(trx, ctx, { fileName: file.fileName, sha256: file.sha256, mapping, newRows: summary.newRows, updateRows: summary.updateRows, counts: summary.counts });
        const result = summary.result({ agenciesCreated, batchId: outcome.batchId, dryRun: input.dryRun, fileName: file.fileName, previous });
        if (input.dryRun) throw new DryRun(result);
        return result;
      };
      try {
        const result = await ctx.db.transaction().execute(run);
        if (result.batchId !== null || result.agenciesCreated.length) ctx.emit('changed', { entities: ['people', 'agencies'] });
        return result;
      } catch (error) {
        if (error instanceof DryRun) return error.result;
        throw error;
      }
    },
  };
  return service;
}
