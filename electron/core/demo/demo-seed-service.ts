import type { AccessLevel } from '../../../shared/domain/access-level';
import type { RequestType } from '../../../shared/domain/person';
import { listAccessLevels } from '../access-levels/access-levels.repo';
import { findAgencyByName, insertAgency } from '../agencies/agencies.repo';
import { insertAudit, insertAuditBatch } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import type { FileStore } from '../files/file-store';
import { addIntakeSamples, registerSecondAgain } from '../intake/demo-samples';
import { seedSampleMail } from '../mail/mail-demo';
import { allEmails } from '../people/people.repo';
import { readPolicy } from '../recert/policy-service';
import { addTrainingSamples } from '../training/demo-training';
import { sampleForms, writeSampleFiles } from './sample-files';
import { FIRST_NAMES, LAST_NAMES, SAMPLE_AGENCIES } from './sample-names';
import { nextIds, writeSampleFacts } from './story-facts.repo';
import { planStory, type StoryClock } from './story-plan';
import { storyCatalog, storyFiles, storyRows, type PlannedPerson } from './story-rows';

/** People per committed chunk: sized as it goes so each chunk takes about this long. */
const CHUNK_TARGET_MS = 25;
const CHUNK_MIN = 50;
const CHUNK_MAX = 5_000;

/** Small, fast, seeded PRNG: the same seed gives the same sample office every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

function asciiSlug(text: string): string {
  return text.normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '').replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
}

function pickRequestType(rand: () => number): RequestType {
  const r = rand();
  if (r < 0.82) return 'new_user';
  if (r < 0.92) return 'change_access';
  if (r < 0.97) return 'additional_agency';
  return 'deactivation';
}

async function ensureAgencies(ctx: CoreContext, trx: Db, now: string): Promise<{ id: number; domain: string; name: string }[]> {
  const result = [];
  for (const sample of SAMPLE_AGENCIES) {
    let id = (await findAgencyByName(trx, sample.name))?.id;
    if (id === undefined) {
      const row = { name: sample.name, address: sample.address, phone: sample.phone, contactName: null, contactEmail: `hmis@${sample.domain}` };
      id = await insertAgency(trx, row, now);
      await insertAudit(trx, { at: now, operator: ctx.operator, action: 'agency.created', entity: 'agency', entityId: id, after: row, note: 'Sample data' });
    }
    result.push({ id, domain: sample.domain, name: sample.name });
  }
  return result;
}

interface Generator {
  next(): PlannedPerson;
}

/** Sample people, each with the story of their time on the desk (story-plan.ts): `index` counts from the seed's first person. */
function personGenerator(seed: number, clock: StoryClock, agencies: { id: number; domain: string }[], levels: AccessLevel[], taken: Set<string>): Generator {
  const rand = mulberry32(seed);
  const place = { index: 0, certified: 0 };
  return {
    next() {
      const firstName = pick(rand, FIRST_NAMES);
      const lastName = pick(rand, LAST_NAMES);
      const agency = pick(rand, agencies);
      const base = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
      let email = `${base}@${agency.domain}`;
      for (let n = 2; taken.has(email); n += 1) email = `${base}${n}@${agency.domain}`;
      taken.add(email);
      const supervisorFirst = pick(rand, FIRST_NAMES);
      const supervisorLast = pick(rand, LAST_NAMES);
      const phone = rand() < 0.8 ? `(916) 555-${String(Math.floor(rand() * 10000)).padStart(4, '0')}` : null;
      const accessLevelId = pick(rand, levels).id;
      const requestType = pickRequestType(rand);
      const story = planStory(rand, clock, place, requestType);
      place.index += 1;
      if (story.certified) place.certified += 1;
      const row = {
        firstName,
        lastName,
        email,
        phone,
        agencyId: agency.id,
        supervisorName: `${supervisorFirst} ${supervisorLast}`,
        supervisorEmail: `${asciiSlug(supervisorFirst)}.${asciiSlug(supervisorLast)}@${agency.domain}`,
        accessLevelId,
        requestType,
        registeredOn: story.registeredOn,
        notes: null,
      };
      return { row, story };
    },
  };
}

/** Aims the next chunk at CHUNK_TARGET_MS on this machine, by the last one's pace. */
function nextChunkSize(size: number, ms: number): number {
  const aimed = ms > 0 ? Math.round((size * CHUNK_TARGET_MS) / ms) : CHUNK_MAX;
  return Math.min(CHUNK_MAX, Math.max(CHUNK_MIN, Math.min(aimed, size * 2)));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Sample agencies and people. Each chunk of people commits on its own and the seed yields between
 * chunks: the core's calls share one thread and one connection, and a single transaction of
 * 100,000 people held every other call (opening a record, a search) for twenty seconds. Sample
 * data needs no all-or-nothing: a seed that fails halfway leaves sample people that a second seed
 * simply adds to. Each chunk is sized to take ~25 ms: a call waits at most about that (the goal
 * is 50 ms), and the commits are few enough that the seed stays near one transaction's speed.
 *
 * Every person's story is planned before it is written (story-plan.ts), so their history reads in
 * order and ends before now: registered, forms attached and accepted, training, quiz, credentials,
 * and for some a lapse and deactivation. A chunk's form files are written before its rows commit.
 */
export async function seedDemo(ctx: CoreContext, files: FileStore, peopleCount: number): Promise<{ agencies: number; people: number }> {
  const now = ctx.clock.now().toISOString();
  const [levels, taken, { policy }, catalog, forms] = await Promise.all([listAccessLevels(ctx.db), allEmails(ctx.db), readPolicy(ctx.db), storyCatalog(ctx.db), sampleForms()]);
  const agencies = await ctx.db.transaction().execute((trx) => ensureAgencies(ctx, trx, now));
  const clock: StoryClock = { today: ctx.clock.today(), policy };
  const generator = personGenerator(taken.size + 1, clock, agencies, levels, taken);
  let firstId: number | null = null;
  const madeDirs = new Set<string>();
  let size = 200;
  for (let done = 0; done < peopleCount; ) {
    const people = Array.from({ length: Math.min(size, peopleCount - done) }, () => generator.next());
    if (done === 0) registerSecondAgain(people, taken);
    const chunkFiles = storyFiles(people, forms, catalog);
    await writeSampleFiles(files, [...chunkFiles.values()], madeDirs);
    const started = performance.now();
    await ctx.db.transaction().execute(async (trx) => {
      const ids = await nextIds(trx);
      firstId ??= ids.person;
      const rows = storyRows(people, ids, chunkFiles, forms, catalog, ctx.operator);
      const documentIds = await writeSampleFacts(trx, rows.facts, ctx.operator);
      await insertAuditBatch(trx, rows.audit(documentIds));
    });
    size = nextChunkSize(size, performance.now() - started);
    done += people.length;
    ctx.emit('progress', { job: 'demo.seed', label: 'Creating sample people', done, total: peopleCount });
    await yieldToEventLoop();
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (firstId !== null) await addIntakeSamples(trx, firstId);
    await addTrainingSamples(trx, ctx);
    // The messages of the training stories, dated days back; today's come after the documents.
    await seedSampleMail(trx, ctx);
  });
  ctx.emit('changed', { entities: ['people', 'agencies', 'mail', 'quizzes', 'training', 'documents'] });
  return { agencies: SAMPLE_AGENCIES.length, people: peopleCount };
}
