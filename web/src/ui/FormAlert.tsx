// A form-level error (not tied to one field). role="alert" is announced when it appears.
import { Icon } from './Icon';
import styles from './FormAlert.module.css';

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className={styles.alert}>
      <Icon name="alert" size={20} />
      <span>{message}</span>
    </div>
  );
}
