import type { ComponentType } from 'react';
import { AuditPage } from '../features/audit/AuditPage';
import { PendingPage } from '../features/documents/PendingPage';
import { ReviewPage } from '../features/documents/ReviewPage';
import { DuplicatesPage } from '../features/intake/DuplicatesPage';
import { ImportPage } from '../features/intake/ImportPage';
import { MailSettingsPage } from '../features/mail/MailSettingsPage';
import { OutboxBadge } from '../features/mail/OutboxBadge';
import { OutboxPage } from '../features/mail/OutboxPage';
import { AddPersonPage } from '../features/people/AddPersonPage';
import { MasterListPage } from '../features/people/MasterListPage';
import { PersonPage } from '../features/people/PersonPage';
import { AnswerEntryPage } from '../features/quizzes/AnswerEntryPage';
import { ImportResponsesPage } from '../features/quizzes/ImportResponsesPage';
import { QuizBankPage } from '../features/quizzes/QuizBankPage';
import { QuizEditorPage } from '../features/quizzes/QuizEditorPage';
import { QuizzesToGradePage } from '../features/quizzes/QuizzesToGradePage';
import { RecertCalendarPage } from '../features/recert/calendar/RecertCalendarPage';
import { DeactivationBadge } from '../features/recert/DeactivationBadge';
import { DeactivationTasksPage } from '../features/recert/DeactivationTasksPage';
import { ReportPage } from '../features/reports/ReportPage';
import { ReportsIndexPage } from '../features/reports/ReportsIndexPage';
import { RosterPage } from '../features/roster/RosterPage';
import { CatalogPage } from '../features/training/CatalogPage';
import { CredentialsPage } from '../features/training/CredentialsPage';
import { TrainingToSendPage } from '../features/training/TrainingToSendPage';

export interface PageProps {
  params: Record<string, string>;
}

export interface AppRoute {
  /** Hash path pattern; `:name` matches one segment. Literal routes go before param routes. */
  path: string;
  /** Window title while the page is open. */
  title: string;
  page: ComponentType<PageProps>;
}

/** Every page of the app. A later feature adds its page here, and its sidebar entry below. */
export const ROUTES: readonly AppRoute[] = [
  { path: '/people', title: 'Master list', page: MasterListPage },
  { path: '/people/new', title: 'Add person', page: AddPersonPage },
  { path: '/people/:id', title: 'Person', page: PersonPage },
  { path: '/import', title: 'Import registrations', page: ImportPage },
  { path: '/duplicates', title: 'Possible duplicates', page: DuplicatesPage },
  { path: '/documents/pending', title: 'Pending documents', page: PendingPage },
  { path: '/documents/:id', title: 'Review document', page: ReviewPage },
  { path: '/training', title: 'Training to send', page: TrainingToSendPage },
  { path: '/quizzes', title: 'Quizzes to grade', page: QuizzesToGradePage },
  { path: '/quizzes/import', title: 'Import quiz responses', page: ImportResponsesPage },
  { path: '/quizzes/enter/:personId', title: 'Enter quiz answers', page: AnswerEntryPage },
  { path: '/credentials', title: 'Credentials to issue', page: CredentialsPage },
  { path: '/quiz-bank', title: 'Quiz bank', page: QuizBankPage },
  { path: '/quiz-bank/:id', title: 'Quiz', page: QuizEditorPage },
  { path: '/catalog', title: 'Training catalog', page: CatalogPage },
  { path: '/recert', title: 'Recertification', page: RecertCalendarPage },
  { path: '/roster', title: 'HMIS roster check', page: RosterPage },
  { path: '/deactivations', title: 'Deactivation tasks', page: DeactivationTasksPage },
  { path: '/outbox', title: 'Outbox', page: OutboxPage },
  { path: '/settings', title: 'Settings', page: MailSettingsPage },
  { path: '/reports', title: 'Reports', page: ReportsIndexPage },
  { path: '/reports/:id', title: 'Report', page: ReportPage },
  { path: '/audit', title: 'Audit trail', page: AuditPage },
];

export const HOME_PATH = '/people';

export interface NavEntry {
  label: string;
  /** Where the entry goes; entries without a path are shown as "coming soon". */
  path?: string;
  /** Paths (prefixes) that highlight this entry, e.g. a person opened from the master list. */
  activeFor?: readonly string[];
  /** Shown at the right of the entry, e.g. how many messages failed. */
  badge?: ComponentType;
}

/** The sidebar: the office's queues in the order the work flows. */
export const NAV: readonly NavEntry[] = [
  { label: 'Master list', path: '/people', activeFor: ['/people'] },
  { label: 'Import registrations', path: '/import' },
  { label: 'Possible duplicates', path: '/duplicates' },
  { label: 'Pending documents', path: '/documents/pending', activeFor: ['/documents'] },
  { label: 'Training to send', path: '/training' },
  { label: 'Quizzes to grade', path: '/quizzes', activeFor: ['/quizzes'] },
  { label: 'Credentials to issue', path: '/credentials' },
  { label: 'Recertification', path: '/recert' },
  { label: 'HMIS roster check', path: '/roster' },
  { label: 'Deactivation tasks', path: '/deactivations', badge: DeactivationBadge },
  { label: 'Outbox', path: '/outbox', badge: OutboxBadge },
  { label: 'Reports', path: '/reports', activeFor: ['/reports'] },
  { label: 'Quiz bank', path: '/quiz-bank' },
  { label: 'Training catalog', path: '/catalog' },
  { label: 'Audit trail', path: '/audit' },
  { label: 'Settings', path: '/settings' },
];

export function isNavActive(entry: NavEntry, path: string): boolean {
  return (entry.activeFor ?? (entry.path ? [entry.path] : [])).some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
