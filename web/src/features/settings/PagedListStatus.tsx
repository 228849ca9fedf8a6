// Above a Settings list of cursor pages: loading, the failure with "Try again", or what to say
// when it is empty; nothing once there are items.
import type { CursorPages } from '../../api/useCursorPages';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import styles from './SettingsPage.module.css';

export function PagedListStatus<Item>({
  pages,
  empty,
}: {
  pages: CursorPages<Item>;
  empty: string;
}) {
  if (pages.status === 'loading')
    return (
      <p className={styles.status}>
        <Spinner /> Loading…
      </p>
    );
  if (pages.status === 'failed')
    return (
      <p className={styles.status}>
        {pages.error}{' '}
        <Button variant="ghost" isSmall onClick={pages.reload}>
          Try again
        </Button>
      </p>
    );
  if (pages.items.length === 0) return <p className={styles.status}>{empty}</p>;
  return null;
}
