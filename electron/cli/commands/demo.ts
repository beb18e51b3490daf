import { callCommand, wholeNumber } from '../command';

const seed = callCommand({
  path: ['demo', 'seed'],
  summary: 'Fill the list with fictional sample agencies and people, to try the app out.',
  details: 'Every sample email is under example.org, so nothing can reach a real person. Run it on a practice data folder, not the office one.',
  options: {
    people: { type: 'string', value: 'N', help: 'How many sample people to add (default 250)' },
  },
  examples: ['demo seed --people 1000 --data-dir C:\\HMIS-practice'],
  call: 'demo.seed',
  input: (v) => ({ people: wholeNumber(v.people, 'people') ?? 250 }),
  human: (counts) => `Sample data is ready: ${counts.people} people across ${counts.agencies} agencies.`,
});

export const demoCommands = [seed];
