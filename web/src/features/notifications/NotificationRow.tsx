// One notification: who (up to two faces), the sentence, when, and the video it is about.
// The whole row is one button that marks it read and opens what it is about.
import { Avatar } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import { RelativeTime } from '../../ui/RelativeTime';
import { joinClassNames } from '../../ui/classNames';
import styles from './InboxPage.module.css';
import type { Notification } from './notifications.api';

export function NotificationRow({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: () => void;
}) {
  const faces = notification.actors.slice(0, 2);
  return (
    <li className={joinClassNames(styles.row, !notification.isRead && styles.unread)}>
      <button type="button" className={styles.rowButton} onClick={onOpen}>
        <span className={styles.faces} aria-hidden="true">
          {faces.length > 0 ? (
            faces.map((actor) => (
              <Avatar
                key={actor.id}
                src={actor.avatarUrl}
                name={actor.displayName}
                size={faces.length > 1 ? 34 : 44}
              />
            ))
          ) : (
            <span className={styles.systemIcon}>
              <Icon name={notification.kind.startsWith('video') ? 'video' : 'shield'} />
            </span>
          )}
        </span>
        <span className={styles.rowText}>
          {!notification.isRead && <span className="visually-hidden">New: </span>}
          <span className={styles.summary}>{notification.summary}</span>
          <span className={styles.when}>
            <RelativeTime at={notification.updatedAt} />
          </span>
        </span>
        {notification.video?.posterUrl && (
          <img
            className={styles.poster}
            src={notification.video.posterUrl}
            alt=""
            loading="lazy"
            decoding="async"
          />
        )}
        {!notification.isRead && <span className={styles.dot} aria-hidden="true" />}
      </button>
    </li>
  );
}
