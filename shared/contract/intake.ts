import { z } from 'zod';
import { id, paged } from '../domain/common';
import {
  accessLevelSynonym,
  importPreview,
  importResult,
  importSource,
  intakeImportInput,
  mappingName,
  mappingSaveInput,
  savedMapping,
  synonymSaveInput,
} from '../domain/intake';
import { person } from '../domain/person';
import {
  duplicateGroup,
  exportInput,
  exportOutput,
  mergeInput,
  personRequest,
  requestCreateInput,
  requestListInput,
  requestUpdateInput,
} from '../domain/request';
import { noInput } from './app';
import { call } from './define';

export const intakeCalls = {
  /** Reads a CSV or XLSX export, maps its columns (guessed, saved or given) and judges every row. Writes nothing. */
  'intake.preview': call({ input: importSource, output: importPreview }),
  /** Imports the accepted rows of a file in one transaction; the same file again changes nothing. */
  'intake.import': call({ input: intakeImportInput, output: importResult }),
  /** Column mappings saved by name, for next month's export of the same form. */
  'intake.mappings.list': call({ input: noInput, output: z.array(savedMapping) }),
  'intake.mappings.save': call({ input: mappingSaveInput, output: savedMapping }),
  'intake.mappings.delete': call({ input: z.object({ name: mappingName }), output: z.object({}) }),
  /** Other spellings of access levels seen on forms ("DSS w/ Assessments"), editable. */
  'intake.synonyms.list': call({ input: noInput, output: z.array(accessLevelSynonym) }),
  'intake.synonyms.save': call({ input: synonymSaveInput, output: accessLevelSynonym }),
  'intake.synonyms.delete': call({ input: z.object({ synonym: z.string().trim().min(1).max(120) }), output: z.object({}) }),
};

export const requestCalls = {
  /** Requests on people's records, newest first; `status: 'active', type: 'deactivation'` is the "to deactivate" list. */
  'requests.list': call({ input: requestListInput, output: paged(personRequest) }),
  /** Opens a request on a person; a change of access remembers the level before it. */
  'requests.create': call({ input: requestCreateInput, output: personRequest }),
  /** Moves a request on (in progress, completed, cancelled) or changes its note. */
  'requests.update': call({ input: requestUpdateInput, output: personRequest }),
};

export const peopleIntakeCalls = {
  /** People with the same name at the same agency but different emails, which may be one person (e.g. added on paper, then imported). */
  'people.possibleDuplicates': call({
    input: z
      .object({
        /** Only the group this person is in (the person page's notice), instead of every group. */
        personId: id.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .default({ limit: 200 }),
    output: z.array(duplicateGroup),
  }),
  /** Marks two people flagged as possible duplicates as different people, so they stop being flagged. */
  'people.notDuplicates': call({ input: z.object({ personIds: z.tuple([id, id]) }), output: z.object({}) }),
  /** Merges one person into another: requests, history and every other record move to the survivor. */
  'people.merge': call({ input: mergeInput, output: person }),
  /** The master list with the list's filters as a CSV or XLSX file, formulas neutralised. */
  'people.export': call({ input: exportInput, output: exportOutput }),
};
