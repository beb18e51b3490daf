import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import { problemSentence } from './FormProblem';
import { changedInput, EMPTY_PERSON, fieldErrorsFrom, formProblem, missingChoices, toCreateInput } from './person-form';

const filled = { ...EMPTY_PERSON, firstName: 'Ana', lastName: 'Reyes', email: 'ana@example.org', agencyId: '3', accessLevelId: '5' };

describe('person form', () => {
  it('asks for the agency and access level before sending', () => {
    expect(missingChoices(EMPTY_PERSON)).toEqual({
      agencyId: 'Choose the agency this person works for.',
      accessLevelId: 'Choose the access level their supervisor requested.',
    });
    expect(missingChoices(filled)).toEqual({});
  });

  it('finds every problem of an empty form at once, not the Selects first and the rest on the next Save', () => {
    const problem = formProblem(EMPTY_PERSON);
    expect(Object.keys(fieldErrorsFrom(problem!).fields).sort()).toEqual(['accessLevelId', 'agencyId', 'email', 'firstName', 'lastName']);
    expect(problemSentence(problem!)).toBe('Check these 5 fields: Agency, Access level, First name, Last name, Email — the message is under each one.');
    expect(formProblem(filled)).toBeNull();
    expect(problemSentence(formProblem({ ...filled, email: 'ana@x' })!)).toBe('Check Email — the message is under each one.');
  });

  it('sends ids as numbers and leaves empty text for the contract to treat as empty', () => {
    expect(toCreateInput(filled)).toMatchObject({ agencyId: 3, accessLevelId: 5, phone: '', requestType: 'new_user' });
  });

  it('sends only the fields that changed', () => {
    expect(changedInput(filled, { ...filled, email: 'ana.reyes@example.org', agencyId: '4' })).toEqual({ email: 'ana.reyes@example.org', agencyId: 4 });
    expect(changedInput(filled, filled)).toEqual({});
  });

  it('places server messages under their inputs, update paths included', () => {
    const error = new AppError('invalid', 'Email: Enter a complete email address.', [
      { field: 'changes.email', message: 'Enter a complete email address, like name@agency.org.' },
      { field: 'firstName', message: 'Enter the first name.' },
      { field: 'expectedUpdatedAt', message: 'Invalid date.' },
    ]);
    expect(fieldErrorsFrom(error)).toEqual({
      fields: { email: 'Enter a complete email address, like name@agency.org.', firstName: 'Enter the first name.' },
      unplaced: ['Invalid date.'],
    });
  });
});
