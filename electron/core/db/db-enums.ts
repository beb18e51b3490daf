import type { z } from 'zod';
import { AppError } from '../../../shared/app-error';

// A Set per enum: this runs for every row of a list or an export, so it stays a lookup.
const known = new WeakMap<z.ZodEnum, ReadonlySet<string>>();

function valuesOf(schema: z.ZodEnum): ReadonlySet<string> {
  let values = known.get(schema);
  if (!values) known.set(schema, (values = new Set(schema.options.map(String))));
  return values;
}

/**
 * An enum column as the shared schema knows it. A value this version does not know (a newer
 * version wrote it, or the file was edited by hand) is refused here with a sentence instead of
 * travelling on as a lie in the type.
 */
export function fromDb<S extends z.ZodEnum>(schema: S, value: string, column: string): z.infer<S> {
  // The cast only names what the lookup just proved.
  if (valuesOf(schema).has(value)) return value as z.infer<S>;
  throw new AppError('internal', `The database holds "${value}" in ${column}, which this version of HMIS Access Desk does not know. Update the app on this computer, or restore a backup this version made.`);
}

/** A JSON array of enum values, as stored in a TEXT column. */
export function listFromDb<S extends z.ZodEnum>(schema: S, json: string, column: string): z.infer<S>[] {
  return (JSON.parse(json) as string[]).map((value) => fromDb(schema, value, column));
}
