import type { Handlers } from '../../../shared/contract';
import type { peopleCalls } from '../../../shared/contract/people';
import type { CoreContext } from '../context';
import type { PeopleService } from './people-service';

/**
 * The master list's calls, spread into createCore's handlers. The service is made by createCore,
 * which other features (documents) also hand it to.
 */
export function createPeopleHandlers(_ctx: CoreContext, deps: { people: PeopleService }): Pick<Handlers, keyof typeof peopleCalls> {
  const { people } = deps;
  return {
    'people.create': (input) => people.create(input),
    'people.update': (input) => people.update(input),
    'people.get': (input) => people.get(input.id),
    'people.list': (input) => people.list(input),
    'people.history': (input) => people.history(input.id),
  };
}
