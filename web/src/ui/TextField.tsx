// A labelled text input or textarea with its hint, error and character counter all linked to
// the control through aria-describedby, so a screen reader reads them with the field.
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { joinClassNames } from './classNames';
import { Icon } from './Icon';
import styles from './TextField.module.css';

type SharedProps = {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Shown under the field until there is an error. */
  hint?: ReactNode;
  error?: string | null | undefined;
  /** Shows "count/max" under the field; over the limit it turns into a warning. */
  counter?: { count: number; max: number };
  /** Text shown inside the field before the value, such as "@". */
  prefix?: string;
  /** A control inside the field after the value, such as "Show password". */
  trailing?: ReactNode;
};

export type TextInputProps = SharedProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'prefix'> & {
    isMultiline?: false;
    ref?: Ref<HTMLInputElement>;
  };

type TextAreaProps = SharedProps & {
  isMultiline: true;
  rows?: number;
  name?: string;
  required?: boolean;
  placeholder?: string;
  onBlur?: () => void;
  ref?: Ref<HTMLTextAreaElement>;
};

export function TextField(props: TextInputProps | TextAreaProps) {
  const id = useId();
  const { label, value, onValueChange, hint, error, counter, prefix, trailing } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  const isOverLimit = counter !== undefined && counter.count > counter.max;
  const describedBy =
    [error ? errorId : hint ? hintId : null, counter ? counterId : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const shared = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: styles.input,
  } as const;

  let control: ReactNode;
  if (props.isMultiline) {
    const { rows = 4, name, required, placeholder, onBlur, ref } = props;
    control = (
      <textarea
        {...shared}
        ref={ref}
        rows={rows}
        name={name}
        required={required}
        placeholder={placeholder}
        onBlur={onBlur}
        onChange={(event) => onValueChange(event.target.value)}
      />
    );
  } else {
    const {
      label: _label,
      value: _value,
      onValueChange: _onValueChange,
      hint: _hint,
      error: _error,
      counter: _counter,
      prefix: _prefix,
      trailing: _trailing,
      isMultiline: _isMultiline,
      ...inputProps
    } = props;
    control = (
      <input
        type="text"
        {...inputProps}
        {...shared}
        onChange={(event) => onValueChange(event.target.value)}
      />
    );
  }

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <div className={joinClassNames(styles.control, error && styles.invalid)}>
        {prefix && (
          <span className={styles.prefix} aria-hidden="true">
            {prefix}
          </span>
        )}
        {control}
        {trailing}
      </div>
      {(error || hint || counter) && (
        <div className={styles.meta}>
          {error ? (
            <p id={errorId} className={styles.error}>
              <Icon name="alert" size={16} />
              <span>{error}</span>
            </p>
          ) : hint ? (
            <p id={hintId} className={styles.hint}>
              {hint}
            </p>
          ) : (
            <span />
          )}
          {counter && (
            <p
              id={counterId}
              className={joinClassNames(styles.counter, isOverLimit && styles.over)}
            >
              <span aria-hidden="true">
                {counter.count}/{counter.max}
              </span>
              <span className="visually-hidden">
                {counter.count} of {counter.max} characters
              </span>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
