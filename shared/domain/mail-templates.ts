/**
 * The mail templates the office can edit, and for each one the data it is rendered with.
 * The sample data is the single source of truth for placeholders: a path that exists in a
 * template's sample (`person.firstName`, `materials` → `title`) is allowed, anything else is
 * flagged before saving. Previews without a chosen person render with these samples too.
 */

export const MAIL_TEMPLATE_KEYS = [
  'training_links',
  'document_rejected',
  'quiz_result',
  'retake_request',
  'credentials',
  'recert_reminder',
  'overdue_notice',
  'deactivation_notice',
  'test_message',
  'documents_reminder',
  'agency_pack',
] as const;
export type MailTemplateKey = (typeof MAIL_TEMPLATE_KEYS)[number];

/** Filled in by the outbox from the person's record and the mail settings: callers never pass these. */
export const COMMON_SAMPLE = {
  person: { firstName: 'Maria', lastName: "O'Brien", fullName: "Maria O'Brien", email: 'maria.obrien@rivercity.example.org', phone: '(916) 555-0142' },
  agency: { name: 'River City Outreach' },
  accessLevel: { name: 'Direct Service Staff with Assessments', includesAssessments: true },
  supervisor: { name: 'James Nguyen', email: 'james.nguyen@rivercity.example.org' },
  office: { name: 'Sacramento County HMIS Office', email: 'hmis@county.example.org', signature: 'HMIS Team\nSacramento County HMIS Office' },
  today: '2026-03-02',
};
export type CommonMailData = typeof COMMON_SAMPLE;

const quizLink = { title: 'New User Quiz', url: 'https://training.example.org/quiz/new-user' };

const recertQuiz = { title: 'Annual Recertification Quiz', url: 'https://training.example.org/quiz/recert', directions: 'The quiz is open book. Use the email address this message was sent to.' };

/** What each template needs beyond the common data: the caller of `queueMail` passes exactly this. */
export const TEMPLATE_SAMPLES = {
  training_links: {
    materials: [
      { title: 'New User Training (video)', url: 'https://training.example.org/new-user', kind: 'video' },
      { title: 'VI-SPDAT Assessment Training', url: 'https://training.example.org/vi-spdat', kind: 'document' },
    ],
    quiz: { ...quizLink, directions: 'The quiz is open book. Answer every question, then press Submit.' },
  },
  document_rejected: {
    document: { kind: 'Staff Verification for HMIS Access', fileName: 'verification.pdf' },
    reason: 'The supervisor signature is missing on page 2.',
    /**
     * The supervisor gets a rejected Staff Verification, the user their Agreement. An empty name
     * greets the person the message is about.
     */
    recipient: { name: '', isSupervisor: false },
  },
  quiz_result: {
    quiz: { ...quizLink, percent: 70, passMark: 80, passed: false },
    missedQuestions: [{ number: 4, question: 'Who may see a client record?', yourAnswer: 'Anyone at my agency', correctAnswer: 'Only users the client consented to share with' }],
  },
  retake_request: { quiz: { ...quizLink, percent: 70, passMark: 80 } },
  credentials: { credentials: { username: 'mobrien', temporaryPassword: 'Change-me-1st', loginUrl: 'https://hmis.example.org/login' } },
  recert_reminder: { dueDate: '2026-04-15', quiz: recertQuiz },
  overdue_notice: { dueDate: '2026-02-15', daysOverdue: 15, quiz: recertQuiz },
  deactivation_notice: { deactivatedOn: '2026-03-02', reason: 'The annual recertification was not completed by the due date.' },
  test_message: { sentAt: '2026-03-02T17:20:00.000Z' },
  documents_reminder: {
    missing: [
      { kind: 'Staff Verification for HMIS Access', who: 'signed by your supervisor, James Nguyen' },
      { kind: 'HMIS End User Agreement', who: 'signed by you' },
    ],
  },
  agency_pack: {
    recipient: { name: 'Dana Whitfield' },
    pack: { agencyName: 'River City Outreach', generatedOn: '2026-03-02', activeUsers: 42, currentPercent: '92.9%', dueSoon: 5, overdue: 2, lapsed: 1, onboarding: 7 },
  },
} satisfies Record<MailTemplateKey, Record<string, unknown>>;

export type TemplateData<K extends MailTemplateKey> = (typeof TEMPLATE_SAMPLES)[K];

export const TEMPLATE_INFO: Record<MailTemplateKey, { name: string; description: string }> = {
  training_links: { name: 'Training links', description: 'Sent when both documents are correct: training for the access level and the quiz directions.' },
  document_rejected: { name: 'Document rejected', description: 'A submitted PDF was incorrect; tells the person what to fix.' },
  quiz_result: { name: 'Quiz result', description: 'The score and the correct answer to every missed question; a fail also has the link to take the quiz again.' },
  retake_request: { name: 'Retake request', description: 'Asks the person to take a quiz again. "Send results" no longer sends it: the result email of a fail has the link.' },
  credentials: { name: 'Login credentials', description: 'Sent after a passed quiz: how to log in to the HMIS.' },
  recert_reminder: { name: 'Recertification reminder', description: 'The yearly recertification quiz is due soon.' },
  overdue_notice: { name: 'Recertification overdue', description: 'The recertification due date has passed.' },
  deactivation_notice: { name: 'Deactivation notice (to supervisor)', description: 'Tells the supervisor that the person was deactivated in the HMIS.' },
  test_message: { name: 'Test message', description: 'Sent by "Send a test message" to check the mail settings.' },
  documents_reminder: { name: 'Missing documents reminder', description: 'Reminds a new user (and their supervisor) which signed forms the office still needs.' },
  agency_pack: { name: 'Agency pack (to agency manager)', description: "Sent by Reports → Agency packs: the agency's compliance scorecard and its people's status, as a PDF attached." },
};

/** Block helpers a template may use; anything else is flagged. `date` formats an ISO date for people. */
export const TEMPLATE_HELPERS = ['if', 'unless', 'each', 'with', 'date'] as const;

export function sampleDataFor(key: MailTemplateKey): CommonMailData & Record<string, unknown> {
  return { ...COMMON_SAMPLE, ...TEMPLATE_SAMPLES[key] };
}

/**
 * The placeholder paths of a sample, for the editor's list: `person.firstName`, and for lists
 * `materials` followed by `materials.title` (used inside `{{#each materials}}` as `{{title}}`).
 */
export function placeholderPaths(sample: Record<string, unknown>, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(sample)) {
    const path = prefix ? `${prefix}.${key}` : key;
    paths.push(path);
    const inner = Array.isArray(value) ? value[0] : value;
    if (inner && typeof inner === 'object') paths.push(...placeholderPaths(inner as Record<string, unknown>, path));
  }
  return paths;
}
