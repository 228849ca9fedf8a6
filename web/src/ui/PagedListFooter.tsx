// Under a paged list: "Load more" while there is more, and the failure with "Try again" when a
// page could not be fetched (the items already shown stay).
import { Button } from './Button';
import styles from './PagedListFooter.module.css';

export function PagedListFooter({
  hasMore,
  isLoadingMore,
  error,
  onLoadMore,
  label = 'Load more',
}: {
  hasMore: boolean;
  isLoadingMore: boolean;
  error: string | null;
  onLoadMore: () => void;
  label?: string;
}) {
  if (!hasMore && !error) return null;
  return (
    <div className={styles.footer}>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {hasMore && (
        <Button variant="secondary" isSmall isPending={isLoadingMore} onClick={onLoadMore}>
          {error ? 'Try again' : label}
        </Button>
      )}
    </div>
  );
}
