import { useCallback, useState } from 'react';
import { AppError } from '../../../shared/app-error';
import { fieldErrorsFrom, type FieldErrors, type FormField, type PersonFormValues } from './person-form';

/** Form state with the server's field messages: a message clears as soon as its field is edited. */
export function usePersonForm(initial: PersonFormValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<AppError | null>(null);

  const setField = useCallback(<K extends FormField>(field: K, value: PersonFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!current[field]) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  /** Shows a failed save: messages under inputs, the sentence above the buttons. */
  const showError = useCallback((error: unknown) => {
    const appError = AppError.from(error);
    setErrors(fieldErrorsFrom(appError).fields);
    setProblem(appError);
    return appError;
  }, []);

  const reset = useCallback((next: PersonFormValues) => {
    setValues(next);
    setErrors({});
    setProblem(null);
  }, []);

  return { values, errors, problem, setField, setErrors, setProblem, showError, reset };
}

export type PersonForm = ReturnType<typeof usePersonForm>;
