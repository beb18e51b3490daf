/**
 * The crash suite's victim: opens the core on a data folder, as the app does (sender running,
 * startup sweep), and works until it is killed: imports, PDF attaches, reminder runs and mail.
 * Usage: node --import tsx crash-child.ts <dataDir> <cycle> <seed>
 * Prints "ready" once open, then one line per step it starts ("import c3b1", "attach 17", …).
 */
import { contract, type CallName, type Input, type Output } from '../../../shared/contract';
import { createCore } from '../create-core';
import { form } from '../documents/test-support/document-fixtures';
import { FAST_SMTP } from '../mail/test-support/mail-test-kit';
import { importBatchCsv, IMPORT_ROWS } from './crash-data';

const [dataDir, cycleText, seedText] = process.argv.slice(2);
if (!dataDir || !cycleText) throw new Error('usage: crash-child.ts <dataDir> <cycle> <seed>');
const cycle = Number(cycleText);
let seed = Number(seedText ?? 1) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const core = await createCore({ dataDir, operator: 'crash.child', mail: { autoStart: true, sender: { smtp: FAST_SMTP } }, backups: { automatic: false } });
const call = async <K extends CallName>(name: K, input: Input<K>): Promise<Output<K>> => (core.handlers[name] as (input: unknown) => Promise<Output<K>>)(contract[name].input.parse(input));
const say = (line: string) => process.stdout.write(`${line}\n`);
say('ready');

/** People still missing the End User Agreement, picked at random among the first few. */
async function withoutDocuments(limit: number): Promise<number[]> {
  const list = await call('documents.pending', { section: 'missing', offset: 0, limit });
  return list.items.filter((row) => row.kinds.includes('end_user_agreement')).map((row) => row.personId);
}

for (let batch = 0; ; batch += 1) {
  const pick = random();
  try {
    if (pick < 0.4) {
      say(`import c${cycle}b${batch}`);
      const file = importBatchCsv(cycle, batch);
      await call('intake.import', { fileName: `crash-${cycle}-${batch}.csv`, bytes: file });
      say(`imported c${cycle}b${batch} ${IMPORT_ROWS}`);
    } else if (pick < 0.6) {
      const candidates = await withoutDocuments(20);
      const personId = candidates[Math.floor(random() * candidates.length)];
      if (personId === undefined) continue;
      const person = await call('people.get', { id: personId });
      say(`attach ${personId}`);
      await call('documents.attach', { personId, fileName: 'agreement.pdf', bytes: await form(person, { kind: 'end_user_agreement' }) });
    } else if (pick < 0.85) {
      const ids = await withoutDocuments(20);
      if (!ids.length) continue;
      say(`remind ${ids.length}`);
      await call('documents.remind', { personIds: ids.slice(0, 5) });
    } else {
      say('recert remind');
      await call('recert.remind', {});
      await core.mail.sender.sendDue();
    }
  } catch (error) {
    // A refused step (a name the form does not match, a reminder already sent) is not a crash.
    say(`refused ${error instanceof Error ? error.message.slice(0, 80) : String(error)}`);
  }
}
