import { Alert } from '@mantine/core';
import type { AppError } from '../../../shared/app-error';
import { fieldErrorsFrom, type FormField } from './person-form';

const FIELD_LABELS: Record<FormField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  agencyId: 'Agency',
  accessLevelId: 'Access level',
  requestType: 'Request type',
  supervisorName: 'Supervisor name',
  supervisorEmail: 'Supervisor email',
  notes: 'Notes',
};

/** For an invalid form, the banner names the fields to fix; their messages sit under the inputs. */
export function problemSentence(problem: AppError): string {
  const { fields, unplaced } = fieldErrorsFrom(problem);
  const named = (Object.keys(fields) as FormField[]).map((field) => FIELD_LABELS[field]);
  if (problem.code !== 'invalid' || !named.length) return problem.message;
  const which = named.length === 1 ? `Check ${named[0]}` : `Check these ${named.length} fields: ${named.join(', ')}`;
  return [`${which} — the message is under each one.`, ...unplaced].join(' ');
}

/**
 * The banner above the form's buttons after a failed save. It is the one place the failure is told
 * besides the fields themselves: no notification, which would cover Save and Cancel.
 */
export function FormProblem({ problem, children }: { problem: AppError | null; children?: React.ReactNode }) {
  if (!problem) return null;
  return (
    <Alert color={problem.code === 'conflict' ? 'orange' : 'red'} role="alert" title="Not saved">
      {problemSentence(problem)}
      {children}
    </Alert>
  );
}
