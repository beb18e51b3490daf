import { sql } from 'kysely';
import { addDays, daysBetween } from '../../../shared/calendar-date';
import { dueBounds } from './policy-bounds.repo';
import { personFilter } from './report-filters.repo';
import { percent, type ReportParts, type ReportQuery } from './report-query';

/** "Due in 30 days" is the office's standing question, whatever the reminder windows are. */
export const DUE_SOON_DAYS = 30;

interface AgencyCounts {
  agencyId: number;
  agency: string;
  active: number;
  current: number;
  due30: number;
  overdue: number;
  lapsed: number;
}

interface Behind {
  agency: string;
  name: string;
  accessLevel: string;
  hmisUserName: string | null;
  certifiedOn: string | null;
  dueOn: string;
  lapsed: number;
}

/**
 * Recertification compliance: per agency, the active users (stored stage `active`, whatever their
 * due date says) and how many are current, due within 30 days, overdue and lapsed, as the stage
 * rule splits them; then everyone due within 30 days or past due, soonest first by agency.
 */
export const complianceQuery: ReportQuery = async (exec, q): Promise<ReportParts> => {
  const soon = addDays(q.today, DUE_SOON_DAYS);
  // The grace period's start, as the stage rule has it: due before this is lapsed, else overdue.
  const { lapsedBefore } = await dueBounds(exec, q.today);
  const filter = personFilter(q.filters);
  const [agencies, behind] = await Promise.all([
    exec(sql<AgencyCounts>`SELECT c.agency_id AS agencyId, a.name AS agency, c.active, c.current, c.due30, c.overdue, c.lapsed FROM (
        SELECT p.agency_id, count(*) AS active,
          sum(p.recert_due_on IS NULL OR p.recert_due_on >= ${q.today}) AS current,
          sum(p.recert_due_on >= ${q.today} AND p.recert_due_on <= ${soon}) AS due30,
          sum(p.recert_due_on < ${q.today} AND p.recert_due_on >= ${lapsedBefore}) AS overdue,
          sum(p.recert_due_on < ${lapsedBefore}) AS lapsed
        FROM people p WHERE p.stage = 'active' ${filter} GROUP BY p.agency_id) c
      JOIN agencies a ON a.id = c.agency_id ORDER BY a.name COLLATE NOCASE`),
    // The page is chosen first; only its rows look up their certification.
    exec(sql<Behind>`SELECT w.agency, p.first_name || ' ' || p.last_name AS name, l.name AS accessLevel,
        (SELECT c.hmis_user_name FROM certifications c WHERE c.person_id = p.id ORDER BY c.certified_on DESC, c.id DESC LIMIT 1) AS hmisUserName,
        (SELECT max(c.certified_on) FROM certifications c WHERE c.person_id = p.id) AS certifiedOn,
        p.recert_due_on AS dueOn, p.recert_due_on < ${lapsedBefore} AS lapsed
      FROM (SELECT p.id, a.name AS agency FROM people p JOIN agencies a ON a.id = p.agency_id
        WHERE p.stage = 'active' AND p.recert_due_on <= ${soon} ${filter} ORDER BY a.name COLLATE NOCASE, p.recert_due_on, p.id LIMIT ${q.rowLimit}) w
      JOIN people p ON p.id = w.id JOIN access_levels l ON l.id = p.access_level_id
      ORDER BY w.agency COLLATE NOCASE, p.recert_due_on, p.id`),
  ]);
  const sum = (key: keyof AgencyCounts) => agencies.reduce((n, a) => n + Number(a[key]), 0);
  const behindTotal = sum('due30') + sum('overdue') + sum('lapsed');
  return {
    totals: { active: sum('active'), currentPct: percent(sum('current'), sum('active')), due30: sum('due30'), overdue: sum('overdue'), lapsed: sum('lapsed') },
    sections: [
      {
        key: 'byAgency',
        total: agencies.length,
        rows: agencies.map((a) => ({ agency: a.agency, active: a.active, current: a.current, currentPct: percent(a.current, a.active), due30: a.due30, overdue: a.overdue, lapsed: a.lapsed })),
      },
      {
        key: 'people',
        total: behindTotal,
        rows: behind.map((b) => {
          const daysLeft = daysBetween(q.today, b.dueOn);
          const status = daysLeft >= 0 ? 'Due' : b.lapsed ? 'Lapsed' : 'Overdue';
          return { agency: b.agency, name: b.name, accessLevel: b.accessLevel, hmisUserName: b.hmisUserName, certifiedOn: b.certifiedOn, dueOn: b.dueOn, status, daysLeft };
        }),
      },
    ],
    chart: agencies.map((a) => ({ label: a.agency, values: { current: a.current, overdue: a.overdue, lapsed: a.lapsed } })),
  };
};
