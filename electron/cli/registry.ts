import type { CliCommand } from './command';
import { agencyCommands } from './commands/agencies';
import { auditCommands } from './commands/audit';
import { backupCommands } from './commands/backup';
import { checkCommands } from './commands/check';
import { deactivationCommands } from './commands/deactivations';
import { demoCommands } from './commands/demo';
import { documentCommands } from './commands/documents';
import { exportCommands } from './commands/export';
import { importCommands } from './commands/import';
import { levelCommands } from './commands/levels';
import { mailCommands } from './commands/mail';
import { peopleCommands } from './commands/people';
import { quizCommands } from './commands/quizzes';
import { recertCommands } from './commands/recert';
import { recertPolicyCommands } from './commands/recert-policy';
import { reportCommands } from './commands/report';
import { rosterCommands } from './commands/roster';

/**
 * Every command hmis-desk knows, in the order the help lists them. A new feature adds a file
 * under commands/ and one line here.
 */
export const COMMANDS: readonly CliCommand[] = [
  ...peopleCommands,
  ...agencyCommands,
  ...levelCommands,
  ...demoCommands,
  ...importCommands,
  ...exportCommands,
  ...mailCommands,
  ...documentCommands,
  ...quizCommands,
  ...recertCommands,
  ...recertPolicyCommands,
  ...deactivationCommands,
  ...rosterCommands,
  ...checkCommands,
  ...auditCommands,
  ...reportCommands,
  ...backupCommands,
];
