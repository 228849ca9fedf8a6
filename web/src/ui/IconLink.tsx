// A round, icon-only link with a label screen readers read (e.g. "Settings" in a page header).
import { Link } from 'react-router';
import { Icon, type IconName } from './Icon';
import styles from './PageHeader.module.css';

export function IconLink({ to, icon, label }: { to: string; icon: IconName; label: string }) {
  return (
    <Link to={to} className={styles.iconButton}>
      <Icon name={icon} />
      <span className="visually-hidden">{label}</span>
    </Link>
  );
}
