// "Loading…" with a spinner, centred in the page, for the moment before there is anything to show.
import styles from './LoadingMessage.module.css';
import { Spinner } from './Spinner';

export function LoadingMessage({ text = 'Loading…' }: { text?: string }) {
  return (
    <p className={styles.loading}>
      <Spinner /> {text}
    </p>
  );
}
