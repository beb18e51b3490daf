import { defineCommand } from '../command';
import { formatTable } from '../output';

const list = defineCommand({
  path: ['levels', 'list'],
  summary: 'Show the HMIS access levels and the training each needs.',
  options: {},
  async run(_v, ctx) {
    const levels = await (await ctx.core()).handlers['accessLevels.list']({});
    const rows = levels.map((l) => [l.name, l.includesAssessments ? 'yes' : 'no', l.trainingSets.join(', ')]);
    return { json: levels, human: formatTable(['Access level', 'Assessments', 'Training'], rows) };
  },
});

export const levelCommands = [list];
