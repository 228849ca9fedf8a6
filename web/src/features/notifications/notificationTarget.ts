// Where opening a notification leads. Pure, so it is tested without a browser.
import type { Notification } from './notifications.api';

/** Where a notification leads: the video it is about, else the person behind it. */
export function targetOf(notification: Notification): string | null {
  const actor = notification.actors[0];
  switch (notification.kind) {
    case 'account-followed':
    case 'follow-requested':
    case 'follow-accepted':
      return actor ? `/@${actor.handle}` : null;
    case 'video-ready':
    case 'video-failed':
    case 'content-removed':
    case 'report-resolved':
      return notification.video ? `/v/${notification.video.id}` : null;
    case 'video-liked':
    case 'comment-liked':
    case 'video-commented':
    case 'comment-replied':
    case 'mentioned-in-video':
    case 'mentioned-in-comment': {
      if (!notification.video) return actor ? `/@${actor.handle}` : null;
      const comment = notification.comment ? `?comment=${notification.comment.id}` : '';
      return `/v/${notification.video.id}${comment}`;
    }
  }
}
