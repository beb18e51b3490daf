import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { AgencyPack, ReportResult } from '../../../shared/domain/reports';
import { reportDefinition } from '../../../shared/reports';
import { printDocument, reportBody, reportPrintTemplates, type PrintMeta } from '../../../shared/reports/report-html';
import type { CoreContext } from '../context';
import { queueMails, type QueueMailInput } from '../mail/queue-mail';
import { packAgencies, type PackAgency } from './pack-agencies.repo';
import { pageCount, type ReportsDeps } from './report-deps';
import { runReport } from './run-report';

/**
 * Rows a pack's sections print: the scorecard is a few rows; the people onboarding are listed
 * longest-waiting first up to this, and the page says how many more the report's export holds.
 * Thirty packs of a 100,000-person office stay about ten pages each.
 */
const PACK_ROWS = 300;

/** A file name Windows accepts for an agency ("St. John's / Shelter" → "St. John's - Shelter"). */
export function packFileName(agencyName: string, today: string): string {
  const printable = [...agencyName].filter((c) => c.charCodeAt(0) >= 32).join('');
  const safe = printable.replace(/[<>:"/\\|?*]+/g, ' - ').replace(/\s+/g, ' ').replace(/[ .]+$/, '').trim();
  return `${safe || 'Agency'} HMIS pack ${today}.pdf`;
}

function chosenAgencies(all: readonly PackAgency[], ids: readonly number[] | undefined): PackAgency[] {
  if (!ids) return all.filter((a) => a.people > 0);
  const unknown = ids.filter((id) => !all.some((a) => a.id === id));
  if (unknown.length) throw new AppError('not_found', `There is no agency number ${unknown.join(', ')}; it may have been merged or removed. Choose the agencies again.`);
  return all.filter((a) => ids.includes(a.id));
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.part`;
  await writeFile(temp, bytes);
  await rename(temp, file);
}

const percentWords = (value: number | null | undefined) => (value === null || value === undefined ? 'none' : `${value.toFixed(1)}%`);

function mailFor(agency: PackAgency, fileName: string, sha256: string, compliance: ReportResult, status: ReportResult): QueueMailInput<'agency_pack'> {
  return {
    template: 'agency_pack',
    to: [{ address: agency.contactEmail as string, name: agency.contactName }],
    data: {
      recipient: { name: agency.contactName ?? '' },
      pack: {
        agencyName: agency.name,
        generatedOn: compliance.today,
        activeUsers: compliance.totals.active ?? 0,
        currentPercent: percentWords(compliance.totals.currentPct),
        dueSoon: compliance.totals.due30 ?? 0,
        overdue: compliance.totals.overdue ?? 0,
        lapsed: compliance.totals.lapsed ?? 0,
        onboarding: status.totals.onboarding ?? 0,
      },
    },
    attachments: [{ sha256, fileName, contentType: 'application/pdf' }],
  };
}

/**
 * One PDF per agency (its compliance scorecard, then its people's onboarding status) into a
 * folder, and, when asked, one email per agency manager with the PDF attached, all queued in one
 * transaction at the end. A failure part way removes the PDFs this run wrote and queues nothing.
 */
export function createAgencyPacks(ctx: CoreContext, deps: ReportsDeps, meta: (r: ReportResult) => Promise<PrintMeta>) {
  return async (input: ParsedInput<'reports.agencyPacks'>): Promise<Output<'reports.agencyPacks'>> => {
    const today = ctx.clock.today();
    const agencies = chosenAgencies(await packAgencies(ctx.db), input.agencyIds);
    // A folder from a caller must be a full path: a relative one would land wherever the process
    // happens to run (the hostile suite once filled the working copy with packs that way).
    if (input.folder && !path.isAbsolute(input.folder)) {
      throw new AppError('invalid', `Give the full path of the folder for the packs (for example C:\\HMIS\\Packs), not "${input.folder}".`, [{ field: 'folder', message: 'Use a full path.' }]);
    }
    const folder = path.resolve(input.folder ?? path.join(ctx.dataDir, 'agency-packs', today));
    await mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new AppError('invalid', `The folder ${folder} cannot be created (${error.code ?? error.message}). Choose a folder you can write to.`, [{ field: 'folder', message: 'Cannot write here.' }]);
    });
    const written: string[] = [];
    const packs: AgencyPack[] = [];
    const mails: QueueMailInput<'agency_pack'>[] = [];
    const notEmailed: { agencyName: string; reason: string }[] = [];
    try {
      for (const agency of agencies) {
        const filters = { agencyId: agency.id };
        const [compliance, status] = await Promise.all([runReport(ctx, 'compliance', filters, PACK_ROWS), runReport(ctx, 'status', filters, PACK_ROWS)]);
        const m = await meta(compliance);
        const [cDef, sDef] = [reportDefinition('compliance'), reportDefinition('status')];
        const html = printDocument(`${agency.name} — HMIS pack`, true, [reportBody(cDef, compliance, m), reportBody(sDef, status, m)]);
        const bytes = await deps.printer.print({ html, landscape: true, ...reportPrintTemplates({ ...cDef, title: `${agency.name} — HMIS pack` }, compliance, m) });
        const fileName = packFileName(agency.name, today);
        const file = path.join(folder, fileName);
        await writeAtomically(file, bytes);
        written.push(file);
        let queuedTo: string | null = null;
        if (input.email && agency.contactEmail) {
          const stored = await deps.files.write(bytes);
          mails.push(mailFor(agency, fileName, stored.sha256, compliance, status));
          queuedTo = agency.contactEmail;
        } else if (input.email) {
          notEmailed.push({ agencyName: agency.name, reason: `${agency.name} has no contact email, so its pack was saved but not emailed. Add the manager's email on the agency.` });
        }
        packs.push({ agencyId: agency.id, agencyName: agency.name, fileName, path: file, pages: await pageCount(bytes), people: status.totals.people ?? 0, queuedTo });
      }
      if (mails.length) {
        await ctx.db.transaction().execute((trx) => queueMails(trx, ctx, mails));
        ctx.emit('changed', { entities: ['mail'] });
      }
    } catch (error) {
      await Promise.all(written.map((f) => rm(f, { force: true })));
      throw error;
    }
    return { folder, packs, notEmailed };
  };
}
