// A password field with a "Show" toggle: on a phone keyboard, seeing what you typed matters.
import { useState } from 'react';
import { TextField, type TextInputProps } from './TextField';
import styles from './PasswordField.module.css';

type Props = Omit<TextInputProps, 'type' | 'trailing' | 'isMultiline'> & {
  autoComplete: 'current-password' | 'new-password';
};

export function PasswordField(props: Props) {
  const [isVisible, setIsVisible] = useState(false);
  return (
    <TextField
      {...props}
      isMultiline={false}
      type={isVisible ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      trailing={
        <button
          type="button"
          className={styles.toggle}
          onClick={() => setIsVisible((value) => !value)}
        >
          {isVisible ? 'Hide' : 'Show'}
          <span className="visually-hidden"> {props.label.toLowerCase()}</span>
        </button>
      }
    />
  );
}
