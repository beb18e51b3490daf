import { AppError } from '../../../shared/app-error';
import type { Input } from '../../../shared/contract';
import { personCreateInput, type Person, type RequestType } from '../../../shared/domain/person';
import { invalidInput } from '../../../shared/domain/zod-messages';

/** What the person form edits: text as typed, Select values as strings (Mantine's choice). */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  agencyId: string | null;
  accessLevelId: string | null;
  requestType: RequestType;
  supervisorName: string;
  supervisorEmail: string;
  notes: string;
}

export type FormField = keyof PersonFormValues;
export type FieldErrors = Partial<Record<FormField, string>>;

export const EMPTY_PERSON: PersonFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  agencyId: null,
  accessLevelId: null,
  requestType: 'new_user',
  supervisorName: '',
  supervisorEmail: '',
  notes: '',
};

export function valuesFromPerson(person: Person): PersonFormValues {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    phone: person.phone ?? '',
    agencyId: String(person.agencyId),
    accessLevelId: String(person.accessLevelId),
    requestType: person.requestType,
    supervisorName: person.supervisorName ?? '',
    supervisorEmail: person.supervisorEmail ?? '',
    notes: person.notes ?? '',
  };
}

/**
 * The only checks made here are the two the server cannot word well (a Select left empty arrives
 * as a missing number). Everything else is validated once, by the contract, and shown from there.
 */
export function missingChoices(values: PersonFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.agencyId) errors.agencyId = 'Choose the agency this person works for.';
  if (!values.accessLevelId) errors.accessLevelId = 'Choose the access level their supervisor requested.';
  return errors;
}

/**
 * Every problem of the form at once, checked with the contract's own schema (the core checks the
 * same again): a first empty Save lists them all, not the two Selects first and the rest later.
 */
export function formProblem(values: PersonFormValues): AppError | null {
  const missing = missingChoices(values);
  const parsed = personCreateInput.safeParse(toCreateInput(values));
  const fromSchema = parsed.success ? [] : (invalidInput(parsed.error).fields ?? []);
  const problems = [
    ...Object.entries(missing).map(([field, message]) => ({ field, message })),
    ...fromSchema.filter((p) => !(p.field in missing)),
  ];
  if (!problems.length) return null;
  return new AppError('invalid', 'Some fields need a change.', problems);
}

export function toCreateInput(values: PersonFormValues): Input<'people.create'> {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    phone: values.phone,
    agencyId: Number(values.agencyId),
    accessLevelId: Number(values.accessLevelId),
    requestType: values.requestType,
    supervisorName: values.supervisorName,
    supervisorEmail: values.supervisorEmail,
    notes: values.notes,
  };
}

/** Only what the user changed, so the audit and a concurrent edit of other fields stay exact. */
export function changedInput(before: PersonFormValues, after: PersonFormValues): Input<'people.update'>['changes'] {
  const all = toCreateInput(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as FormField[]) {
    if (before[key] !== after[key]) changes[key] = all[key];
  }
  return changes;
}

/** Puts each problem the server reported under its input; `changes.email` belongs to `email`. */
export function fieldErrorsFrom(error: AppError): { fields: FieldErrors; unplaced: string[] } {
  const fields: FieldErrors = {};
  const unplaced: string[] = [];
  for (const problem of error.fields ?? []) {
    const name = problem.field.replace(/^changes\./, '');
    if (name in EMPTY_PERSON) fields[name as FormField] ??= problem.message;
    else unplaced.push(problem.message);
  }
  return { fields, unplaced };
}
