import type { Handlers } from '../../../shared/contract';
import type { intakeCalls, peopleIntakeCalls, requestCalls } from '../../../shared/contract/intake';
import type { CoreContext } from '../context';
import { createDuplicatesService } from './duplicates/duplicates-service';
import { createExportService } from './export/export-service';
import { createIntakeService } from './intake-service';
import { createMappingsService } from './mappings-service';
import { createRequestsService } from './requests/requests-service';

type IntakeCallName = keyof typeof intakeCalls | keyof typeof requestCalls | keyof typeof peopleIntakeCalls;

/** The intake feature's share of the contract, spread into createCore's handlers. */
export function createIntakeHandlers(ctx: CoreContext): Pick<Handlers, IntakeCallName> {
  const intake = createIntakeService(ctx);
  const mappings = createMappingsService(ctx);
  const requests = createRequestsService(ctx);
  const duplicates = createDuplicatesService(ctx);
  const exports = createExportService(ctx);
  return {
    'intake.preview': (input) => intake.preview(input),
    'intake.import': (input) => intake.importFile(input),
    'intake.mappings.list': () => mappings.list(),
    'intake.mappings.save': (input) => mappings.save(input),
    'intake.mappings.delete': (input) => mappings.remove(input.name),
    'intake.synonyms.list': () => mappings.synonyms(),
    'intake.synonyms.save': (input) => mappings.saveSynonym(input),
    'intake.synonyms.delete': (input) => mappings.deleteSynonym(input.synonym),
    'requests.list': (input) => requests.list(input),
    'requests.create': (input) => requests.create(input),
    'requests.update': (input) => requests.update(input),
    'people.possibleDuplicates': (input) => duplicates.possible(input),
    'people.notDuplicates': (input) => duplicates.notDuplicates(input),
    'people.merge': (input) => duplicates.merge(input),
    'people.export': (input) => exports.exportPeople(input),
  };
}
