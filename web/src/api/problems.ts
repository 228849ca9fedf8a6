// Turns an API failure into words next to the right field: validation errors (`errors[].path`,
// a JSON pointer into the body) and known problem types go to their field, the rest to the form.
import { ApiProblem } from '@shortwave/api-client';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export type ExplainedProblem<Field extends string> = {
  fieldErrors: FieldErrors<Field>;
  formError: string | null;
};

type ValidationError = { path: string; message: string };

function readValidationErrors(problem: ApiProblem): ValidationError[] {
  const { errors } = problem.body;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (error): error is ValidationError =>
      typeof error === 'object' &&
      error !== null &&
      typeof (error as ValidationError).path === 'string' &&
      typeof (error as ValidationError).message === 'string',
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const OFFLINE_MESSAGE =
  'Shortwave could not be reached. Check your connection and try again.';

/** One sentence for a failure shown on its own (a toast or a form-level alert). */
export function describeProblem(error: unknown): string {
  if (!(error instanceof ApiProblem)) return OFFLINE_MESSAGE;
  if (error.detail && error.type !== '/problems/invalid-request')
    return `${error.title}. ${error.detail}`;
  return error.title;
}

/**
 * @param fields the body fields the form shows, by their JSON name
 * @param fieldOfType problem types that belong to one field, e.g. handle-taken → handle
 */
export function explainProblem<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  fieldOfType: Partial<Record<string, Field>> = {},
): ExplainedProblem<Field> {
  const fieldErrors: FieldErrors<Field> = {};
  if (!(error instanceof ApiProblem)) return { fieldErrors, formError: OFFLINE_MESSAGE };

  const typedField = fieldOfType[error.type];
  if (typedField) {
    fieldErrors[typedField] = error.detail ?? error.title;
    return { fieldErrors, formError: null };
  }

  const unplaced: string[] = [];
  for (const { path, message } of readValidationErrors(error)) {
    const name = path.split('/')[1] ?? '';
    const field = fields.find((candidate) => candidate === name);
    if (field && !fieldErrors[field]) fieldErrors[field] = capitalise(message);
    else if (!field) unplaced.push(capitalise(message));
  }
  const isFullyPlaced = Object.keys(fieldErrors).length > 0 && unplaced.length === 0;
  return {
    fieldErrors,
    formError: isFullyPlaced
      ? null
      : unplaced.length > 0
        ? unplaced.join('. ')
        : describeProblem(error),
  };
}
