import { rosterFile, rosterPreview, rosterReport, rosterSource } from '../domain/roster';
import { noInput } from './app';
import { call } from './define';

export const rosterCalls = {
  /** Reads the HMIS vendor's user export and guesses its columns; the first rows as read. Writes nothing. */
  'roster.preview': call({ input: rosterSource, output: rosterPreview }),
  /** Compares the export with the master list: accounts to deactivate, certified people without one, mismatches. Writes nothing. */
  'roster.check': call({ input: rosterSource, output: rosterReport }),
  /** The findings of a check as a CSV for Excel, formulas neutralised. */
  'roster.export': call({ input: rosterSource, output: rosterFile }),
  /** A user export made from the current list with every kind of finding, for "Use sample roster". */
  'roster.sample': call({ input: noInput, output: rosterFile }),
};
