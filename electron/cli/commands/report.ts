import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import { REPORT_IDS, type ReportId } from '../../../shared/domain/reports';
import { REPORTS } from '../../../shared/reports';
import { defineCommand, findByName, type CliCommand, type CommandContext } from '../command';
import { writeAtomically } from './export';

const FORMATS = ['csv', 'xlsx', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const PDF_NOTE = "PDF is the printable page run through Chromium's printer: Electron's inside the app, Debian's /usr/bin/chromium from the command line (set HMIS_CHROMIUM to use another).";

/** --format, else the --out file's extension, else CSV; anything else is refused with the choices. */
export function reportFormat(format: string | undefined, out: string): Format {
  const chosen = (format ?? path.extname(out).slice(1).toLowerCase()) || 'csv';
  if ((FORMATS as readonly string[]).includes(chosen)) return chosen as Format;
  if (format === undefined) return 'csv';
  throw new AppError('invalid', `"${format}" is not a report format. Use one of: ${FORMATS.join(', ')}.`, [{ field: 'format', message: 'Unknown format.' }]);
}

async function filters(v: { agency?: string; level?: string; from?: string; to?: string }, ctx: CommandContext) {
  const agencies = v.agency === undefined ? undefined : await ctx.call('agencies.list', {});
  const levels = v.level === undefined ? undefined : await ctx.call('accessLevels.list', {});
  return {
    from: v.from,
    to: v.to,
    agencyId: agencies && v.agency !== undefined ? findByName(agencies, v.agency, { label: 'agency', plural: 'agencies', field: 'agency' }).id : undefined,
    accessLevelId: levels && v.level !== undefined ? findByName(levels, v.level, { label: 'access level', plural: 'access levels', field: 'level' }).id : undefined,
  };
}

/** The bytes of one report in one format, through the same calls the app uses. */
async function reportBytes(id: ReportId, format: Format, f: Awaited<ReturnType<typeof filters>>, ctx: CommandContext): Promise<{ bytes: Uint8Array; rows: number; pages: number | null }> {
  if (format === 'csv' || format === 'xlsx') {
    const file = await ctx.call('reports.export', { id, filters: f, format });
    return { bytes: file.bytes, rows: file.rows, pages: null };
  }
  if (format === 'html') {
    const page = await ctx.call('reports.html', { id, filters: f });
    return { bytes: new TextEncoder().encode(page.html), rows: page.rows, pages: null };
  }
  const pdf = await ctx.call('reports.pdf', { id, filters: f });
  return { bytes: pdf.bytes, rows: pdf.rows, pages: pdf.pages };
}

function reportCommand(id: ReportId): CliCommand {
  const def = REPORTS[id];
  const dates = def.filters.includes('dateRange');
  return defineCommand({
    path: ['report', id],
    summary: `Save the ${def.title} report as CSV, XLSX, HTML or PDF.`,
    details: `${def.description}${dates && def.dateRangeMeans ? ` The dates limit: ${def.dateRangeMeans.toLowerCase()}.` : ''}${def.defaultRangeDays ? ` Without dates: the last ${def.defaultRangeDays} days.` : ''} HTML is the same printable page the app prints. ${PDF_NOTE}`,
    options: {
      format: { type: 'string', value: FORMATS.join('|'), help: 'File format (default: from the --out file name, else csv)' },
      out: { type: 'string', value: 'FILE', help: 'Where to save the report', required: true },
      agency: { type: 'string', value: 'AGENCY', help: 'Only this agency' },
      level: { type: 'string', value: 'LEVEL', help: 'Only this access level' },
      from: { type: 'string', value: 'DATE', help: 'From this date (YYYY-MM-DD)' },
      to: { type: 'string', value: 'DATE', help: 'Up to and including this date (YYYY-MM-DD)' },
    },
    examples: [`report ${id} --format pdf --out ${id}.pdf`, `report ${id} --agency "River City Outreach" --out ${id}.xlsx --json`],
    async run(v, ctx) {
      const format = reportFormat(v.format, v.out);
      const made = await reportBytes(id, format, await filters(v, ctx), ctx);
      const out = path.resolve(v.out);
      writeAtomically(out, made.bytes);
      const pages = made.pages === null ? '' : `, ${made.pages} ${made.pages === 1 ? 'page' : 'pages'}`;
      return { json: { file: out, report: id, format, rows: made.rows, pages: made.pages }, human: `Saved the ${def.title} report (${made.rows.toLocaleString('en-US')} rows${pages}) to ${out}.` };
    },
  });
}

const packs = defineCommand({
  path: ['report', 'packs'],
  summary: "Save one PDF per agency (its compliance scorecard and its people's status), optionally emailed to each agency manager.",
  details: `Without --out the PDFs go to <data folder>/agency-packs/<today>. --email queues one message per agency to its contact email with its PDF attached (the outbox sends it, or writes an Outlook draft). ${PDF_NOTE}`,
  options: {
    out: { type: 'string', value: 'DIR', help: 'The folder for the PDFs' },
    agency: { type: 'string', value: 'AGENCY', help: 'Only this agency' },
    email: { type: 'boolean', help: "Queue each pack to the agency's contact email" },
  },
  examples: ['report packs --out "C:\\CoC meeting\\packs"', 'report packs --email --json'],
  async run(v, ctx) {
    const agencyIds = v.agency === undefined ? undefined : [findByName(await ctx.call('agencies.list', {}), v.agency, { label: 'agency', plural: 'agencies', field: 'agency' }).id];
    const result = await ctx.call('reports.agencyPacks', { folder: v.out === undefined ? undefined : path.resolve(v.out), agencyIds, email: v.email === true });
    const queued = result.packs.filter((p) => p.queuedTo).length;
    const lines = [
      `Saved ${result.packs.length} agency ${result.packs.length === 1 ? 'pack' : 'packs'} to ${result.folder}.`,
      ...result.packs.map((p) => `  ${p.fileName} (${p.pages} ${p.pages === 1 ? 'page' : 'pages'}${p.queuedTo ? `, queued to ${p.queuedTo}` : ''})`),
      ...(v.email ? [`Queued ${queued} ${queued === 1 ? 'email' : 'emails'}.`] : []),
      ...result.notEmailed.map((n) => `  ${n.reason}`),
    ];
    return { json: result, human: lines.join('\n') };
  },
});

export const reportCommands: CliCommand[] = [...REPORT_IDS.map(reportCommand), packs];
