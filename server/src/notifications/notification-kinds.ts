// Every kind of notification, and how each reads. Pure.

export const NOTIFICATION_KINDS = [
  'video-liked',
  'comment-liked',
  'account-followed',
  'follow-requested',
  'follow-accepted',
  'video-commented',
  'comment-replied',
  'mentioned-in-video',
  'mentioned-in-comment',
  'video-ready',
  'video-failed',
  'report-resolved',
  'content-removed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds about someone's video or comment: shown only while the recipient may see it. */
export const CONTENT_KINDS: ReadonlySet<NotificationKind> = new Set([
  'video-liked',
  'comment-liked',
  'video-commented',
  'comment-replied',
  'mentioned-in-video',
  'mentioned-in-comment',
]);

const quoted = (text: string | null) => {
  const body = (text ?? '').replace(/\s+/g, ' ').trim();
  return body.length > 80 ? `${body.slice(0, 79)}…` : body;
};

/** "Ana", "Ana and Ben", "Ana and 12 others". */
export function namesOf(actorNames: string[], actorCount: number): string {
  const [first = 'Someone', second] = actorNames;
  if (actorCount <= 1) return first;
  if (actorCount === 2 && second) return `${first} and ${second}`;
  return `${first} and ${actorCount - 1} others`;
}

/** The English sentence a notification shows; clients may compose their own from the fields. */
export function summarise(notification: {
  kind: NotificationKind;
  actorNames: string[];
  actorCount: number;
  commentBody: string | null;
  details: Record<string, string>;
}): string {
  const who = namesOf(notification.actorNames, notification.actorCount);
  const { details } = notification;
  switch (notification.kind) {
    case 'video-liked':
      return `${who} liked your video`;
    case 'comment-liked':
      return `${who} liked your comment`;
    case 'account-followed':
      return `${who} started following you`;
    case 'follow-requested':
      return `${who} asked to follow you`;
    case 'follow-accepted':
      return `${who} accepted your follow request`;
    case 'video-commented':
      return `${who} commented: ${quoted(notification.commentBody)}`;
    case 'comment-replied':
      return `${who} replied: ${quoted(notification.commentBody)}`;
    case 'mentioned-in-video':
      return `${who} mentioned you in a video`;
    case 'mentioned-in-comment':
      return `${who} mentioned you in a comment: ${quoted(notification.commentBody)}`;
    case 'video-ready':
      return 'Your video is ready';
    case 'video-failed':
      return `Your video could not be processed: ${details.reason ?? 'unknown reason'}`;
    case 'report-resolved':
      return details.outcome === 'dismissed'
        ? 'We reviewed your report and found no rule broken. Thank you for reporting.'
        : 'We reviewed your report and took action. Thank you for reporting.';
    case 'content-removed':
      return details.subjectKind === 'account'
        ? `Your account was suspended: ${details.reason ?? ''}`
        : `Your ${details.subjectKind ?? 'content'} was removed: ${details.reason ?? ''}`;
  }
}
