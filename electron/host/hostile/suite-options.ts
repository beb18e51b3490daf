/**
 * How hard the hostile suite pushes. `npm test` runs it small; `npm run test:hostile` sets
 * HMIS_HOSTILE_RUNS higher. The seed is printed with the counts, so a crash can be replayed with
 * HMIS_HOSTILE_SEED.
 */
export const HOSTILE_RUNS_PER_CALL = Number(process.env.HMIS_HOSTILE_RUNS ?? 6);
export const HOSTILE_SEED = Number(process.env.HMIS_HOSTILE_SEED ?? 20261128);
/** RSS of the whole process (host, core worker, readers) may grow at most this much during a suite. */
export const RSS_BOUND_MB = 1536;
/** `npm run test:hostile` sends the heavy files too (the 30 MB PDF, the big bombs). */
export const HOSTILE_FULL = process.env.HMIS_HOSTILE_FULL === '1';
