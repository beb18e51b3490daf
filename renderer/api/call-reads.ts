import type { CallName, EntityKind } from '../../shared/contract';

type Domain<K extends string> = K extends `${infer D}.${string}` ? D : never;

/**
 * What each domain's calls read, so a `changed` event refreshes exactly the queries it concerns.
 * Keyed by domain (the call name up to its first dot): a new call needs nothing here, and a new
 * domain fails to compile until it says what it reads. Only mutations' domains may say nothing.
 * A person's stage is derived from documents, training and quizzes, but every write to those
 * also announces `people`, so `people` covers it.
 */
const DOMAIN_READS: Record<Domain<CallName>, readonly EntityKind[]> = {
  app: ['people', 'agencies', 'settings'],
  demo: [],
  people: ['people', 'agencies', 'accessLevels'],
  agencies: ['agencies', 'people'],
  accessLevels: ['accessLevels', 'training'],
  intake: ['settings', 'accessLevels', 'agencies', 'people'],
  requests: ['people'],
  mail: ['mail', 'settings'],
  documents: ['documents', 'people', 'mail', 'settings'],
  training: ['training', 'people', 'quizzes', 'documents', 'accessLevels', 'settings'],
  credentials: ['people', 'training'],
  quizzes: ['quizzes', 'people', 'mail'],
  recert: ['people', 'settings', 'mail', 'quizzes'],
  roster: ['people', 'agencies', 'accessLevels', 'training'],
  reports: ['people', 'agencies', 'accessLevels', 'documents', 'training', 'quizzes', 'settings', 'mail'],
  // Every write adds an audit row, so the viewer reads whatever any write announces.
  backups: ['settings', 'people'],
  audit: ['people', 'agencies', 'accessLevels', 'settings', 'mail', 'documents', 'quizzes', 'training'],
};

/** The few calls that read less or more than their domain. */
const CALL_READS: Partial<Record<CallName, readonly EntityKind[]>> = {
  // A stored file's bytes never change: refetching them on every document event would re-send megabytes.
  'documents.file': [],
  'documents.messageFile': [],
  // The "What goes out today" dry run: sending mail changes nothing it reads (a run announces `people`), and it is not cheap.
  'recert.remind': ['people', 'settings', 'quizzes'],
  // Walking the whole chain is not cheap: it runs when asked, not on every change.
  'audit.verify': [],
};

export function entitiesRead(call: CallName): readonly EntityKind[] {
  return CALL_READS[call] ?? DOMAIN_READS[call.slice(0, call.indexOf('.')) as Domain<CallName>] ?? [];
}

/** Whether a query on `call` shows data of any of the changed kinds. */
export function readsAny(call: CallName, changed: readonly EntityKind[]): boolean {
  return entitiesRead(call).some((kind) => changed.includes(kind));
}
