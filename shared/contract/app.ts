import { z } from 'zod';
import { isoDate } from '../domain/common';
import { call } from './define';

const noInput = z.object({}).strict().default({});

export const appCalls = {
  /** Versions, where the data lives, who is working, today's date and whether this is a first run. */
  'app.info': call({
    input: noInput,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      operator: z.string(),
      today: isoDate,
      counts: z.object({ people: z.number().int(), agencies: z.number().int() }),
      /** True while the database has no people and the welcome screen was not dismissed. */
      showWelcome: z.boolean(),
    }),
  }),
  /** "Start empty" on the welcome screen: do not offer sample data again. */
  'app.dismissWelcome': call({ input: noInput, output: z.object({}) }),
  /** Fills the database with realistic fictional agencies and people (never real client data). */
  'demo.seed': call({
    input: z.object({ people: z.number().int('Give a whole number of people.').min(1, 'Create at least 1 sample person.').max(200_000, 'Create at most 200,000 sample people at a time.').default(250) }).default({ people: 250 }),
    output: z.object({ agencies: z.number().int(), people: z.number().int() }),
  }),
};

export { noInput };
