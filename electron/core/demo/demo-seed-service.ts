import type { AccessLevel } from '../../../shared/domain/access-level';
import type { RequestType } from '../../../shared/domain/person';
import { listAccessLevels } from '../access-levels/access-levels.repo';
import { findAgencyByName, insertAgency } from '../agencies/agencies.repo';
import { insertAudit, insertAudits } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { addRecertSamples } from '../recert/demo-recert.repo';
import type { Db } from '../db/open-database';
import { addIntakeSamples, REGISTERED_TWICE_NOTE, registerSecondAgain } from '../intake/demo-samples';
import { seedSampleMail } from '../mail/mail-demo';
import { addTrainingSamples } from '../training/demo-training';
import { allEmails, insertPeople, type PersonRow } from '../people/people.repo';
import { FIRST_NAMES, LAST_NAMES, SAMPLE_AGENCIES } from './sample-names';

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

function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
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
  next(): PersonRow;
}

function personGenerator(seed: number, today: string, agencies: { id: number; domain: string }[], levels: AccessLevel[], taken: Set<string>): Generator {
  const rand = mulberry32(seed);
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
      return {
        firstName,
        lastName,
        email,
        phone: rand() < 0.8 ? `(916) 555-${String(Math.floor(rand() * 10000)).padStart(4, '0')}` : null,
        agencyId: agency.id,
        supervisorName: `${supervisorFirst} ${supervisorLast}`,
        supervisorEmail: `${asciiSlug(supervisorFirst)}.${asciiSlug(supervisorLast)}@${agency.domain}`,
        accessLevelId: pick(rand, levels).id,
        requestType: pickRequestType(rand),
        registeredOn: daysBefore(today, Math.floor(rand() * 540)),
        notes: null,
      };
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
 */
export async function seedDemo(ctx: CoreContext, peopleCount: number): Promise<{ agencies: number; people: number }> {
  const now = ctx.clock.now().toISOString();
  const levels = await listAccessLevels(ctx.db);
  const taken = await allEmails(ctx.db);
  const agencies = await ctx.db.transaction().execute((trx) => ensureAgencies(ctx, trx, now));
  const generator = personGenerator(taken.size + 1, ctx.clock.today(), agencies, levels, taken);
  let size = 200;
  for (let done = 0; done < peopleCount; ) {
    const rows = Array.from({ length: Math.min(size, peopleCount - done) }, () => generator.next());
    const twice = done === 0 && registerSecondAgain(rows, taken);
    const started = performance.now();
    await ctx.db.transaction().execute(async (trx) => {
      const ids = await insertPeople(trx, rows, now);
      if (ids.length) await addRecertSamples(trx, Math.min(...ids), Math.max(...ids), ctx.clock.today(), now);
      await insertAudits(
        trx,
        ids.map((id, i) => ({ at: now, operator: ctx.operator, action: 'person.registered', entity: 'person' as const, entityId: id, after: { ...rows[i] }, note: twice && i === 1 ? REGISTERED_TWICE_NOTE : 'Sample data' })),
      );
    });
    size = nextChunkSize(size, performance.now() - started);
    done += rows.length;
    ctx.emit('progress', { job: 'demo.seed', label: 'Creating sample people', done, total: peopleCount });
    await yieldToEventLoop();
  }
  await ctx.db.transaction().execute(async (trx) => {
    await addIntakeSamples(trx, now);
    await seedSampleMail(trx, ctx);
    await addTrainingSamples(trx, ctx);
  });
  ctx.emit('changed', { entities: ['people', 'agencies', 'mail', 'quizzes', 'training'] });
  return { agencies: SAMPLE_AGENCIES.length, people: peopleCount };
}
