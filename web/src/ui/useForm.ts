// Form state shared by every form: values, checks shown once a field was left (or on submit),
// errors from the server placed on their field, and focus moved to the first problem so
// keyboard and screen-reader users land on it.
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';

export type FormProblem<Field extends string> = {
  fieldErrors: Partial<Record<Field, string>>;
  formError: string | null;
};

type Focusable = HTMLInputElement | HTMLTextAreaElement;

export function useForm<Field extends string>(options: {
  initialValues: Record<Field, string>;
  /** Local checks mirroring the server's rules; null where the value is fine. */
  check: (values: Record<Field, string>) => Partial<Record<Field, string | null>>;
  /** Places an error thrown by onSubmit on fields or the form. */
  explainError: (error: unknown) => FormProblem<Field>;
}) {
  const [values, setValues] = useState(options.initialValues);
  const [visited, setVisited] = useState<ReadonlySet<Field>>(new Set());
  const [isSubmitted, setIsSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const elements = useRef(new Map<Field, Focusable>());
  const fieldOrder = Object.keys(options.initialValues) as Field[];

  const localErrors = options.check(values);

  const errorOf = (field: Field): string | null =>
    serverErrors[field] ??
    (isSubmitted || visited.has(field) ? (localErrors[field] ?? null) : null);

  const setValue = useCallback((field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _dropped, ...rest } = current;
      return rest as Partial<Record<Field, string>>;
    });
    setFormError(null);
  }, []);

  const focusFirst = (fieldsWithErrors: Field[]) => {
    const first = fieldOrder.find((field) => fieldsWithErrors.includes(field));
    if (first) elements.current.get(first)?.focus();
  };

  const fieldProps = (field: Field) => ({
    value: values[field],
    onValueChange: (value: string) => setValue(field, value),
    onBlur: () => {
      if (values[field] !== '') setVisited((current) => new Set(current).add(field));
    },
    error: errorOf(field),
    ref: (element: Focusable | null) => {
      if (element) elements.current.set(field, element);
      else elements.current.delete(field);
    },
  });

  const handleSubmit =
    (onSubmit: (values: Record<Field, string>) => Promise<void>) =>
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (isPending) return;
      const invalid = fieldOrder.filter((field) => localErrors[field]);
      if (invalid.length > 0) {
        // Render the messages first so aria-describedby already points at them on focus.
        flushSync(() => setIsSubmitted(true));
        focusFirst(invalid);
        return;
      }
      setIsSubmitted(true);
      setFormError(null);
      setIsPending(true);
      try {
        await onSubmit(values);
      } catch (error) {
        const problem = options.explainError(error);
        flushSync(() => {
          setServerErrors(problem.fieldErrors);
          setFormError(problem.formError);
        });
        focusFirst(Object.keys(problem.fieldErrors) as Field[]);
      } finally {
        setIsPending(false);
      }
    };

  const reset = useCallback((nextValues: Record<Field, string>) => {
    setValues(nextValues);
    setVisited(new Set());
    setIsSubmitted(false);
    setServerErrors({});
    setFormError(null);
  }, []);

  return { values, setValue, fieldProps, handleSubmit, isPending, formError, reset };
}
