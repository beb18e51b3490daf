import { Alert } from '@mantine/core';
import type { AppError } from '../../../shared/app-error';
import { fieldErrorsFrom } from './person-form';

/**
 * The sentence of a failed save, unless it only repeats what the messages under the inputs say
 * (an invalid field). Duplicates and conflicts keep theirs: it tells what to do next.
 */
export function FormProblem({ problem, children }: { problem: AppError | null; children?: React.ReactNode }) {
  if (!problem) return null;
  const { fields, unplaced } = fieldErrorsFrom(problem);
  if (problem.code === 'invalid' && Object.keys(fields).length && !unplaced.length) return null;
  return (
    <Alert color={problem.code === 'conflict' ? 'orange' : 'red'} role="alert" title="Not saved">
      {problem.message}
      {children}
    </Alert>
  );
}
