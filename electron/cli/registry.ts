import type { CliCommand } from './command';
import { agencyCommands } from './commands/agencies';
import { checkCommands } from './commands/check';
import { demoCommands } from './commands/demo';
import { levelCommands } from './commands/levels';
import { peopleCommands } from './commands/people';

/**
 * Every command hmis-desk knows, in the order the help lists them. A new feature adds a file
 * under commands/ and one line here.
 */
export const COMMANDS: readonly CliCommand[] = [
  ...peopleCommands,
  ...agencyCommands,
  ...levelCommands,
  ...demoCommands,
  ...checkCommands,
];
