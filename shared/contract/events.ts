import { z } from 'zod';

export const ENTITY_KINDS = ['people', 'agencies', 'accessLevels', 'settings', 'mail', 'documents', 'quizzes', 'training'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Core -> renderer notifications. Like calls, every transport loops over this map. */
export const events = {
  /** Data of these kinds changed: stores refresh what they show. */
  changed: z.object({ entities: z.array(z.enum(ENTITY_KINDS)).min(1) }),
  /** A long job moved on (imports, seeding, batches): `done` of `total`, with what it is doing. */
  progress: z.object({
    job: z.string(),
    label: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
