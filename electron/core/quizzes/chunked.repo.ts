import type { CompiledQuery, Compilable } from 'kysely';
import type { Db } from '../db/open-database';

/**
 * One statement shape run over many chunks of rows (an import of 10,000 responses): Kysely builds
 * and compiles the statement for the first chunk of each size, and every later chunk of that size
 * reuses the compiled SQL with its own parameters. Building a 400-row INSERT costs Kysely about a
 * tenth of what SQLite then takes to run it, once per chunk; now it is paid once per import.
 *
 * `params(row)` must list a row's parameters in the order the statement binds them; the first
 * chunk checks that against what Kysely compiled, and a shape that does not match is simply
 * compiled for every chunk, so a mistake there costs time, never wrong rows.
 */
export async function runChunked<R, O>(
  db: Db,
  rows: readonly R[],
  size: number,
  build: (chunk: readonly R[]) => Compilable<O>,
  params: (row: R) => readonly unknown[],
): Promise<O[]> {
  const shapes = new Map<number, CompiledQuery<O> | null>();
  const out: O[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const bound = chunk.flatMap(params);
    let shape = shapes.get(chunk.length);
    let query: CompiledQuery<O>;
    if (shape) {
      query = { ...shape, parameters: bound };
    } else {
      query = build(chunk).compile();
      if (shape === undefined) {
        shape = sameParameters(query.parameters, bound) ? query : null;
        shapes.set(chunk.length, shape);
      }
    }
    out.push(...(await db.executeQuery(query)).rows);
  }
  return out;
}

function sameParameters(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
