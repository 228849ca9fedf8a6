// The bottom navigation of a TikTok-class app: Home, Discover, Upload (+), Inbox, Profile.
import { Link, useLocation } from 'react-router';
import { useSession } from '../api/useSession';
import { useUnreadCount } from '../features/notifications/notificationStream';
import { joinClassNames } from '../ui/classNames';
import { Icon, type IconName } from '../ui/Icon';
import styles from './TabBar.module.css';

function Tab({
  to,
  icon,
  label,
  isActive,
  badge = 0,
}: {
  to: string;
  icon: IconName;
  label: string;
  isActive: boolean;
  /** A count shown on the icon (unread notifications); 0 shows none. */
  badge?: number;
}) {
  return (
    <li>
      <Link
        to={to}
        className={joinClassNames(styles.tab, isActive && styles.active)}
        aria-current={isActive ? 'page' : undefined}
      >
        <span className={styles.iconWrap}>
          <Icon name={icon} />
          {badge > 0 && (
            <span className={styles.badge} aria-hidden="true">
              {badge > 99 ? '99+' : badge}
            </span>
          )}
        </span>
        <span className={styles.label}>{label}</span>
        {badge > 0 && <span className="visually-hidden">, {badge} unread</span>}
      </Link>
    </li>
  );
}

export function TabBar() {
  const session = useSession();
  const { pathname } = useLocation();
  const unreadCount = useUnreadCount();
  const profilePath = session.account ? `/@${session.account.handle}` : '/me';
  // Your profile's own pages (editing it, settings) belong to the Profile tab too.
  const isOwnProfile =
    pathname.toLowerCase() === profilePath.toLowerCase() ||
    pathname === '/profile/edit' ||
    pathname === '/settings';
  return (
    <nav className={styles.bar} aria-label="Main">
      <ul className={styles.tabs}>
        <Tab
          to="/"
          icon="home"
          label="Home"
          isActive={pathname === '/' || pathname === '/following'}
        />
        <Tab
          to="/discover"
          icon="compass"
          label="Discover"
          isActive={pathname === '/discover' || pathname.startsWith('/tag/')}
        />
        <li>
          <Link
            to="/upload"
            className={styles.upload}
            aria-current={pathname === '/upload' ? 'page' : undefined}
          >
            <span className={styles.uploadShape}>
              <Icon name="plus" size={20} />
            </span>
            <span className="visually-hidden">Upload</span>
          </Link>
        </li>
        <Tab
          to="/inbox"
          icon="inbox"
          label="Inbox"
          isActive={pathname === '/inbox'}
          badge={unreadCount}
        />
        <Tab to={profilePath} icon="person" label="Profile" isActive={isOwnProfile} />
      </ul>
    </nav>
  );
}
