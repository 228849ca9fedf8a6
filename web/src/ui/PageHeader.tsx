// The bar at the top of a page: a way back, the page's heading, an optional action on the right.
// Going back leaves the app only if the page was opened directly, so then it goes home instead.
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Icon } from './Icon';
import styles from './PageHeader.module.css';
import { usePageTitle } from './usePageTitle';

export function PageHeader({
  title,
  action,
  hasBackButton = true,
  isTitleHeading = true,
  documentTitle = title,
}: {
  title: string;
  action?: ReactNode;
  hasBackButton?: boolean;
  /** False when the page has its own <h1> (a profile's display name). */
  isTitleHeading?: boolean;
  documentTitle?: string;
}) {
  usePageTitle(documentTitle);
  const Title = isTitleHeading ? 'h1' : 'p';
  const navigate = useNavigate();
  const location = useLocation();
  // react-router gives the first entry of this visit the key "default".
  const canGoBack = location.key !== 'default';
  return (
    <header className={styles.header}>
      <div className={styles.side}>
        {hasBackButton && (
          <button
            type="button"
            className={styles.iconButton}
            onClick={() => void (canGoBack ? navigate(-1) : navigate('/'))}
          >
            <Icon name="back" />
            <span className="visually-hidden">{canGoBack ? 'Back' : 'Home'}</span>
          </button>
        )}
      </div>
      <Title className={styles.title}>{title}</Title>
      <div className={`${styles.side} ${styles.end}`}>{action}</div>
    </header>
  );
}
