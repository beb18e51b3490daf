import { addDays } from '../../../shared/calendar-date';
import type { RequestType } from '../../../shared/domain/person';
import type { RecertPolicy } from '../../../shared/domain/recert-policy';
import { dueDate, lapsesOn } from '../../../shared/recert';

/**
 * When each sample person's life on the desk happened, decided before anything is written, so
 * every event of one person falls in order and between their registration and "now":
 *
 *   registered → both forms attached → both accepted → training sent → quiz passed → credentials
 *   issued (certified that day) → lapsed and deactivated, for some of those certified 13 months ago.
 *
 * Certified people are dated back from the day they passed, spread over the past 13½ months, so
 * today's calendar has people current, due soon, due, overdue and lapsed. Everyone else was
 * registered on a past day and waits for their forms; the hand-made stories (forms in review,
 * training, the outbox) are played on some of them later, after their registration.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Certified up to this many days ago: due soon, due, overdue and lapsed all have people today. */
const CERTIFIED_SPREAD_DAYS = 410;
/**
 * The first certified people of a seed, in days since they were certified (a year's cycle is
 * about 365 days): due, due soon, overdue, lapsed, lapsed and deactivated, current. Even a seed
 * of twenty people then shows every recertification state; after them the dates spread evenly.
 */
const FIRST_CERTIFIED_DAYS_AGO = [350, 320, 380, 400, 405, 100];
const DEACTIVATED_FIRST = 4;
/**
 * A third of the first 1,200 people are certified; beyond them one in 24, in runs of 30 people
 * in a row. A certified person is a dozen rows (two forms and their files, training, attempts,
 * credentials, history), each fact refreshing their stored stage: a third of 100,000 would make
 * the seed several times slower. In runs, most chunks of the seed hold no certified person and
 * skip the fact statements (each is prepared with its triggers compiled in, a millisecond or two).
 */
const FULL_SHARE_UP_TO = 1_200;
const RUN = 30;
const RUN_EVERY = 24 * RUN;
/** Registrations of people with nothing else yet go back this far. */
const REGISTERED_SPREAD_DAYS = 540;

export interface CertifiedStory {
  /** Staff Verification, then End User Agreement: when each was attached and accepted. */
  attachedAt: [string, string];
  acceptedAt: [string, string];
  trainingSentAt: string;
  /** One failed first try before the pass of the first quiz, for some. */
  retakeAt: string | null;
  /** The instant each of the level's quizzes was passed (graded), in order; the last is the certification day. */
  passedAt: (count: number) => string[];
  credentialsIssuedAt: string;
  certifiedOn: string;
  dueOn: string;
  /** Lapsed and deactivated by the office after the grace period. */
  deactivated: { on: string; at: string } | null;
}

export interface PersonStory {
  registeredAt: string;
  registeredOn: string;
  certified: CertifiedStory | null;
}

export interface StoryClock {
  today: string;
  policy: RecertPolicy;
}

const iso = (ms: number) => new Date(ms).toISOString();
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);
const between = (rand: () => number, low: number, high: number) => low + Math.floor(rand() * (high - low + 1));

/**
 * A registration on a past day during office hours: two days ago at the latest, so it comes before
 * the forms of the document stories (which arrived thirty hours ago) and is never ahead of now.
 */
function registration(rand: () => number, clock: StoryClock): PersonStory {
  const on = addDays(clock.today, -between(rand, 2, REGISTERED_SPREAD_DAYS));
  return { registeredOn: on, registeredAt: iso(dayStart(on) + between(rand, 8 * 60, 17 * 60) * 60_000), certified: null };
}

/**
 * One certified person's dates, back from the day they passed (yesterday at the latest, so no
 * event is ahead of now): training a few days before that, the forms accepted before the
 * training went, attached a day or more before their review, registered a while before the forms.
 */
function certifiedStory(rand: () => number, clock: StoryClock, n: number): PersonStory {
  const daysAgo = FIRST_CERTIFIED_DAYS_AGO[n] ?? 1 + ((n * 7919) % CERTIFIED_SPREAD_DAYS);
  const certifiedOn = addDays(clock.today, -daysAgo);
  const passMs = dayStart(certifiedOn) + between(rand, 10, 15) * HOUR;
  const sentMs = passMs - between(rand, 3, 9) * DAY - between(rand, 0, 6) * HOUR;
  const accepted = [sentMs - between(rand, 26, 50) * HOUR, sentMs - between(rand, 2, 24) * HOUR] as const;
  const attached = [accepted[0] - between(rand, 24, 72) * HOUR, accepted[1] - between(rand, 24, 72) * HOUR] as const;
  const registeredMs = Math.min(...attached) - between(rand, 2, 21) * DAY - between(rand, 0, 8) * HOUR;
  const retake = rand() < 0.2;
  const dueOn = dueDate(certifiedOn, clock.policy);
  const lapsed = lapsesOn(dueOn, clock.policy);
  // Half of those lapsed before yesterday were deactivated; the rest wait in the lapse queue.
  const deactivate = n < FIRST_CERTIFIED_DAYS_AGO.length ? n === DEACTIVATED_FIRST : rand() < 0.5;
  const deactivatedOn = lapsed < clock.today && deactivate ? addDays(lapsed, between(rand, 0, Math.max(0, daysBetweenDates(lapsed, clock.today) - 1))) : null;
  const certified: CertifiedStory = {
    attachedAt: [iso(attached[0]), iso(attached[1])],
    acceptedAt: [iso(accepted[0]), iso(accepted[1])],
    trainingSentAt: iso(sentMs),
    retakeAt: retake ? iso(sentMs + DAY) : null,
    // Two quizzes (levels with assessments) are passed a day apart; the last is the certification day.
    passedAt: (count) => Array.from({ length: count }, (_, k) => iso(passMs - (count - 1 - k) * DAY)),
    credentialsIssuedAt: iso(passMs + between(rand, 1, 5) * HOUR),
    certifiedOn,
    dueOn,
    deactivated: deactivatedOn ? { on: deactivatedOn, at: iso(dayStart(deactivatedOn) + between(rand, 9, 16) * HOUR) } : null,
  };
  const registeredAt = iso(registeredMs);
  return { registeredAt, registeredOn: registeredAt.slice(0, 10), certified };
}

function daysBetweenDates(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY);
}

/**
 * Every third sample person was certified (one in 24 beyond the first 1,200), except deactivation requests, which stand for themselves (`place.certified` counts those before).
 * The first two people stay registered only: the intake samples turn the second into the first
 * registered again.
 */
export function planStory(rand: () => number, clock: StoryClock, place: { index: number; certified: number }, requestType: RequestType): PersonStory {
  const certified = place.index < FULL_SHARE_UP_TO ? place.index % 3 === 2 : place.index % RUN_EVERY < RUN;
  if (certified && requestType !== 'deactivation') return certifiedStory(rand, clock, place.certified);
  return registration(rand, clock);
}
