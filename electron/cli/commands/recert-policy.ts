import { AppError } from '../../../shared/app-error';
import type { RecertPolicy } from '../../../shared/domain/recert-policy';
import { callCommand, defineCommand, wholeNumber } from '../command';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function policyLines(policy: RecertPolicy, updatedAt: string | null): string {
  const { cycle } = policy;
  const days = (list: number[]) => (list.length ? list.join(', ') : 'none');
  return [
    `Cycle:            ${cycle.kind === 'anniversary' ? `${cycle.months} months after each person's last certification` : `one deadline for everyone, ${MONTHS[cycle.month - 1]} ${cycle.day}`}`,
    `Reminders:        ${days(policy.reminderDaysBefore)} days before the due date (0 = on the day)`,
    `Overdue notices:  ${days(policy.overdueDaysAfter)} days after`,
    `Grace period:     ${policy.graceDays} days, then lapsed`,
    `"Due" from:       ${policy.dueWithinDays} days before`,
    `Copy supervisor:  ${policy.copySupervisorOnOverdue ? 'yes' : 'no'} (overdue notices)`,
    `Re-sign the EUA:  ${policy.resignAgreement ? 'yes' : 'no'} (at each recertification)`,
    updatedAt ? `Saved ${updatedAt}.` : 'Never saved: these are the defaults.',
  ].join('\n');
}

const show = callCommand({
  path: ['recert', 'policy'],
  summary: 'Show the recertification policy: cycle, reminder days, grace period, who is copied.',
  options: {},
  examples: ['recert policy', 'recert policy --json'],
  call: 'recert.policy.get',
  human: (o) => policyLines(o.policy, o.updatedAt),
});

const invalid = (flag: string, message: string) => new AppError('invalid', `--${flag}: ${message}`, [{ field: flag, message }]);

/** "60,30,14,7,0" -> [60, 30, 14, 7, 0]; "none" or "" -> []. */
function dayList(text: string | undefined, flag: string): number[] | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '' || text.trim().toLowerCase() === 'none') return [];
  return text.split(',').map((part) => wholeNumber(part, flag) as number);
}

function yesNo(text: string | undefined, flag: string): boolean | undefined {
  if (text === undefined) return undefined;
  const word = text.trim().toLowerCase();
  if (word === 'yes' || word === 'true') return true;
  if (word === 'no' || word === 'false') return false;
  throw invalid(flag, `Write yes or no (you typed "${text}").`);
}

function cycleOf(v: { cycle?: string; months?: string; deadline?: string }, current: RecertPolicy['cycle']): RecertPolicy['cycle'] {
  const kind = v.cycle ?? (v.deadline !== undefined ? 'fixed' : v.months !== undefined ? 'anniversary' : undefined);
  if (kind === undefined) return current;
  if (kind === 'anniversary') return { kind: 'anniversary', months: wholeNumber(v.months, 'months') ?? (current.kind === 'anniversary' ? current.months : 12) };
  if (kind !== 'fixed') throw invalid('cycle', `Write anniversary or fixed (you typed "${kind}").`);
  if (v.deadline === undefined) {
    if (current.kind === 'fixed_deadline') return current;
    throw invalid('deadline', 'Give the annual deadline as MM-DD, like 06-30.');
  }
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(v.deadline.trim());
  if (!match) throw invalid('deadline', `Write the deadline as MM-DD, like 06-30 (you typed "${v.deadline}").`);
  return { kind: 'fixed_deadline', month: Number(match[1]), day: Number(match[2]) };
}

const set = defineCommand({
  path: ['recert', 'policy', 'set'],
  summary: 'Change the recertification policy; flags left out keep their value.',
  details: 'Due dates and statuses follow the saved policy at once. A save is refused if the policy was changed (in the app or another CLI run) after this command read it.',
  options: {
    cycle: { type: 'string', value: 'KIND', help: 'anniversary (from each last certification) or fixed (one annual deadline)' },
    months: { type: 'string', value: 'N', help: 'With anniversary: months from the last certification (default 12)' },
    deadline: { type: 'string', value: 'MM-DD', help: 'With fixed: the annual deadline, e.g. 06-30' },
    reminders: { type: 'string', value: 'DAYS', help: 'Days before the due date, e.g. 60,30,14,7,0 (0 = on the day; none for no reminders)' },
    overdue: { type: 'string', value: 'DAYS', help: 'Days after the due date for overdue notices, e.g. 7,14 (none for no notices)' },
    grace: { type: 'string', value: 'DAYS', help: 'Grace period from the due date until lapsed' },
    'due-within': { type: 'string', value: 'DAYS', help: '"Due" (not "due soon") within this many days of the due date' },
    'copy-supervisor': { type: 'string', value: 'yes|no', help: 'Copy the supervisor on overdue notices' },
    'resign-agreement': { type: 'string', value: 'yes|no', help: 'Sign the End User Agreement again at each recertification' },
  },
  examples: ['recert policy set --reminders 60,30,14,7,0 --overdue 7,14 --grace 30', 'recert policy set --cycle fixed --deadline 06-30 --json'],
  async run(v, ctx) {
    const current = await ctx.call('recert.policy.get', {});
    const p = current.policy;
    const policy = {
      cycle: cycleOf(v, p.cycle),
      reminderDaysBefore: dayList(v.reminders, 'reminders') ?? p.reminderDaysBefore,
      overdueDaysAfter: dayList(v.overdue, 'overdue') ?? p.overdueDaysAfter,
      graceDays: wholeNumber(v.grace, 'grace') ?? p.graceDays,
      dueWithinDays: wholeNumber(v['due-within'], 'due-within') ?? p.dueWithinDays,
      copySupervisorOnOverdue: yesNo(v['copy-supervisor'], 'copy-supervisor') ?? p.copySupervisorOnOverdue,
      resignAgreement: yesNo(v['resign-agreement'], 'resign-agreement') ?? p.resignAgreement,
    };
    const saved = await ctx.call('recert.policy.save', { policy, expectedUpdatedAt: current.updatedAt });
    return { json: saved, human: `Saved. Due dates and statuses follow it now.\n${policyLines(saved.policy, saved.updatedAt)}` };
  },
});

export const recertPolicyCommands = [show, set];
