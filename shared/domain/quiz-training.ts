import { z } from 'zod';
import { bytes } from './intake';
import { id, isoDate, isoInstant, optionalText, trimmed } from './common';
import { person } from './person';
import { QUIZ_KINDS, quizKind, type QuizKind } from './quiz';

/**
 * The training catalog: materials grouped into training sets (New User, VI-SPDAT, Services Only,
 * Reports), the sets each access level requires, and the quiz each level uses per kind. Levels that
 * include assessments always get the assessment add-on set and quiz, whatever else they list.
 */
export const ASSESSMENT_SET = 'VI-SPDAT';

export const MATERIAL_KINDS = ['document', 'video'] as const;
export const materialKind = z.enum(MATERIAL_KINDS);
export type MaterialKind = z.infer<typeof materialKind>;

export const material = z.object({
  id,
  trainingSet: z.string(),
  title: z.string(),
  kind: materialKind,
  url: z.string().nullable(),
  /** An attached file (a PDF handout), sent with the training email. */
  file: z.object({ sha256: z.string(), fileName: z.string(), contentType: z.string().nullable() }).nullable(),
  minutes: z.number().int(),
  sortOrder: z.number().int(),
  retired: z.boolean(),
  /** Send it back as `expectedUpdatedAt` when saving an edit. */
  updatedAt: isoInstant,
});
export type Material = z.infer<typeof material>;

export const materialSaveInput = z
  .object({
    id: id.optional(),
    trainingSet: trimmed('training set', 60),
    title: trimmed('title', 200),
    kind: materialKind,
    url: z.union([z.url({ protocol: /^https?$/, message: 'Enter the full link, starting with https://.' }), z.literal('').transform(() => null), z.null()]).default(null),
    /** A new attachment; absent keeps the current one. */
    file: z.object({ fileName: trimmed('file name', 255), bytes }).optional(),
    removeFile: z.boolean().default(false),
    minutes: z.number().int().min(0, 'Minutes cannot be negative.').max(1000).default(0),
    retired: z.boolean().default(false),
    /** The `updatedAt` of the material the editor loaded: a save over someone else's newer one is refused. */
    expectedUpdatedAt: isoInstant.optional(),
  })
  .refine((m) => m.url !== null || m.file !== undefined || (m.id !== undefined && !m.removeFile), {
    message: 'Give a link or attach a file.',
    path: ['url'],
  });
export type MaterialSaveInput = z.input<typeof materialSaveInput>;

export const levelQuizzes = z.object(Object.fromEntries(QUIZ_KINDS.map((k) => [k, id.nullable()])) as Record<QuizKind, z.ZodNullable<typeof id>>);
export type LevelQuizzes = z.infer<typeof levelQuizzes>;

/** An access level as the catalog edits it. */
export const levelTraining = z.object({
  id,
  name: z.string(),
  includesAssessments: z.boolean(),
  trainingSets: z.array(z.string()),
  quizzes: levelQuizzes,
  sortOrder: z.number().int(),
  people: z.number().int(),
  /** Names this state of the level (name, assessments, sets, quizzes): send it back as `expectedVersion`. */
  version: z.string(),
});
export type LevelTraining = z.infer<typeof levelTraining>;

export const levelSaveInput = z.object({
  id: id.optional(),
  name: trimmed('access level name', 120),
  includesAssessments: z.boolean(),
  trainingSets: z.array(trimmed('training set', 60)).max(20),
  quizzes: levelQuizzes.partial().default({}),
  /** The `version` of the level the editor loaded: a save over someone else's newer one is refused. */
  expectedVersion: z.string().max(100).optional(),
});
export type LevelSaveInput = z.input<typeof levelSaveInput>;

export const catalog = z.object({
  levels: z.array(levelTraining),
  materials: z.array(material),
  /** Every set a level or a material names, in catalog order. */
  trainingSets: z.array(z.string()),
  /** Where new users log in to the HMIS; named in the credentials email. */
  loginUrl: z.string(),
});

export const trainingSettingsInput = z.object({
  loginUrl: z.union([z.url({ protocol: /^https?$/, message: 'Enter the full link, starting with https://.' }), z.literal('')]),
  /** The address the form loaded: a save over someone else's newer one is refused. */
  expectedLoginUrl: z.string().max(2000).optional(),
});
export type Catalog = z.infer<typeof catalog>;

/** What the training email for one person will hold (also the preview before sending). */
export const trainingPlan = z.object({
  personId: id,
  personName: z.string(),
  email: z.string(),
  accessLevelName: z.string(),
  /** For an upgrade: the level before, whose training is not sent again. */
  previousLevelName: z.string().nullable(),
  materials: z.array(material),
  quizzes: z.array(z.object({ id, title: z.string(), url: z.string().nullable(), directions: z.string(), kind: quizKind })),
  totalMinutes: z.number().int(),
  /** Why this person cannot be sent training now, in words; null when they can. */
  problem: z.string().nullable(),
});
export type TrainingPlan = z.infer<typeof trainingPlan>;

export const trainingSend = z.object({
  id,
  personId: id,
  accessLevelName: z.string(),
  previousLevelName: z.string().nullable(),
  materialTitles: z.array(z.string()),
  quizIds: z.array(id),
  mailId: id.nullable(),
  sentAt: isoInstant,
});
export type TrainingSend = z.infer<typeof trainingSend>;

export const sendTrainingInput = z.object({ personIds: z.array(id).min(1, 'Choose at least one person.').max(5000) });
export const sendTrainingOutput = z.object({
  sent: z.number().int(),
  skipped: z.array(z.object({ personId: id, personName: z.string(), reason: z.string() })),
});

export const credential = z.object({
  id,
  personId: id,
  username: z.string(),
  /** The pass date: starts the yearly recertification clock. */
  certifiedOn: isoDate,
  attemptId: id.nullable(),
  /** False when an existing account was only changed (an upgrade): no new password was made. */
  newPassword: z.boolean(),
  mailId: id.nullable(),
  issuedAt: isoInstant,
});
export type Credential = z.infer<typeof credential>;

export const issueCredentialsInput = z.object({
  personId: id,
  username: z
    .string()
    .trim()
    .min(1, 'Enter the HMIS user name you created.')
    .max(80)
    .regex(/^[^\s]+$/, 'A user name has no spaces.'),
  /** False for an upgrade of an existing account: record it, make no password, send no email. */
  newPassword: z.boolean().default(true),
  note: optionalText('note', 500),
});

export const issueCredentialsOutput = z.object({
  credential,
  /** Shown once, never stored; null when no new password was made. */
  temporaryPassword: z.string().nullable(),
  mail: z
    .object({ id, status: z.string(), delivered: z.boolean(), problem: z.string().nullable() })
    .nullable(),
});

/** The office's three training queues, each a stage of the workflow. */
export const TRAINING_QUEUES = ['training_to_send', 'quizzes_to_grade', 'credentials_to_issue'] as const;
export const trainingQueue = z.enum(TRAINING_QUEUES);
export type TrainingQueue = z.infer<typeof trainingQueue>;

export const queueInput = z.object({
  queue: trainingQueue,
  search: z.string().trim().max(200).optional(),
  agencyId: id.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const queueRow = z.object({
  person,
  trainingSentAt: isoInstant.nullable(),
  attempts: z.number().int(),
  lastAttempt: z
    .object({ id, quizTitle: z.string(), percent: z.number().int(), passed: z.boolean().nullable(), takenOn: isoDate, resultsSent: z.boolean() })
    .nullable(),
  /** The passing attempt credentials will rest on (its date becomes the certification date). */
  passingAttempt: z.object({ id, quizTitle: z.string(), percent: z.number().int(), takenOn: isoDate }).nullable(),
  /** The quizzes the last training email asked for that no attempt since has passed, by title. */
  quizzesNotPassed: z.array(z.string()),
});
export type QueueRow = z.infer<typeof queueRow>;
