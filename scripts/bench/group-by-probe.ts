import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { RawBuilder } from 'kysely';
import type { Stage } from '../../shared/workflow';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import * as stageRepo from '../../electron/core/people/stage.repo';

/**
 * stageSql is called with today's date too, so this keeps working once the stage rules take the
 * date (issue 9, item 4); until then the extra argument is ignored.
 */
const stageSql = stageRepo.stageSql as unknown as (today: string) => RawBuilder<Stage>;

/** The report query of issue 9: every person's derived stage, counted per agency. */
export function groupByAgencyAndStage(db: Db): Promise<unknown[]> {
  return db
    .selectFrom('people as p')
    .select((eb) => ['p.agency_id', stageSql(new Date().toISOString().slice(0, 10)).as('stage'), eb.fn.countAll<number>().as('n')])
    .groupBy(['p.agency_id', 'stage'])
    .execute();
}

// In the benchmark's core worker (bench-core.worker.mjs): a second connection on the core's
// thread, which is just as busy while the query runs — the point of the measurement.
const dataDir = (workerData as { dataDir?: string } | null)?.dataDir;
if (parentPort && dataDir) {
  const port = parentPort;
  let database: ReturnType<typeof openDatabase> | null = null;
  port.on('message', (message: { type: string; id: number }) => {
    if (message.type !== 'bench.groupBy') return;
    database ??= openDatabase(path.join(dataDir, 'hmis.sqlite'), new Date().toISOString());
    const start = performance.now();
    void groupByAgencyAndStage(database.db).then((rows) => port.postMessage({ type: 'bench.groupBy.done', id: message.id, rows: rows.length, ms: performance.now() - start }));
  });
}
