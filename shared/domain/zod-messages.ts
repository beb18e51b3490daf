import { type z } from 'zod';
import { AppError, type FieldProblem } from '../app-error';

/** Turns a zod failure into an AppError whose sentence names the field and what to change. */
export function invalidInput(error: z.ZodError): AppError {
  const fields: FieldProblem[] = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'input',
    message: issue.message,
  }));
  const first = fields[0];
  const sentence = first ? `${labelOf(first.field)}: ${first.message}` : 'The input was not valid.';
  return new AppError('invalid', sentence, fields);
}

function labelOf(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\./g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Parses `value` with `schema`, throwing an `invalid` AppError with readable field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}
