import type { AccessLevel } from '../../../shared/domain/access-level';
import { callCommand } from '../command';
import { formatTable } from '../output';

const levelTable = (levels: AccessLevel[]) =>
  formatTable(['Access level', 'Assessments', 'Training'], levels.map((l) => [l.name, l.includesAssessments ? 'yes' : 'no', l.trainingSets.join(', ')]));

const list = callCommand({ path: ['levels', 'list'], summary: 'Show the HMIS access levels and the training each needs.', options: {}, call: 'accessLevels.list', human: levelTable });

export const levelCommands = [list];
