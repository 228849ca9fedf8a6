// One account in a list (followers, search results, follow requests): photo, name and handle as a
// link to the profile, and an optional action on the right.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../ui/Avatar';
import styles from './AccountRow.module.css';

export type AccountSummary = {
  handle: string;
  displayName: string;
  avatarUrl: string | null;
};

export function AccountRow({
  account,
  detail,
  action,
}: {
  account: AccountSummary;
  detail?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <li className={styles.row}>
      <Link to={`/@${account.handle}`} className={styles.link}>
        <Avatar src={account.avatarUrl} name={account.displayName} size={48} />
        <span className={styles.text}>
          <span className={styles.name}>{account.displayName}</span>
          <span className={styles.handle}>@{account.handle}</span>
          {detail && <span className={styles.detail}>{detail}</span>}
        </span>
      </Link>
      {action && <div className={styles.action}>{action}</div>}
    </li>
  );
}
