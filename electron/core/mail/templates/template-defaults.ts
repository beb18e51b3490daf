import agencyPack from '../../../../resources/mail-templates/agency_pack.json' with { type: 'json' };
import credentials from '../../../../resources/mail-templates/credentials.json' with { type: 'json' };
import deactivationNotice from '../../../../resources/mail-templates/deactivation_notice.json' with { type: 'json' };
import documentRejected from '../../../../resources/mail-templates/document_rejected.json' with { type: 'json' };
import documentsReminder from '../../../../resources/mail-templates/documents_reminder.json' with { type: 'json' };
import overdueNotice from '../../../../resources/mail-templates/overdue_notice.json' with { type: 'json' };
import quizResult from '../../../../resources/mail-templates/quiz_result.json' with { type: 'json' };
import recertReminder from '../../../../resources/mail-templates/recert_reminder.json' with { type: 'json' };
import retakeRequest from '../../../../resources/mail-templates/retake_request.json' with { type: 'json' };
import testMessage from '../../../../resources/mail-templates/test_message.json' with { type: 'json' };
import trainingLinks from '../../../../resources/mail-templates/training_links.json' with { type: 'json' };
import type { MailTemplateKey } from '../../../../shared/domain/mail-templates';
import type { TemplateContent } from './template-render';

/** Stored as arrays of lines in resources/ so the shipped text stays readable in review. */
interface TemplateFile {
  subject: string;
  text: string[];
  html: string[];
}

const FILES: Record<MailTemplateKey, TemplateFile> = {
  training_links: trainingLinks,
  document_rejected: documentRejected,
  quiz_result: quizResult,
  retake_request: retakeRequest,
  credentials,
  recert_reminder: recertReminder,
  overdue_notice: overdueNotice,
  deactivation_notice: deactivationNotice,
  test_message: testMessage,
  documents_reminder: documentsReminder,
  agency_pack: agencyPack,
};

export function defaultTemplate(key: MailTemplateKey): TemplateContent {
  const file = FILES[key];
  return { subject: file.subject, text: `${file.text.join('\n')}\n`, html: `${file.html.join('\n')}\n` };
}
