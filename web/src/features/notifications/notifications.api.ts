// The calls behind the Inbox: notifications, marking them read, and follow requests.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';

export type Notification = Schemas['Notification'];

export function listNotifications(cursor: string | undefined) {
  return unwrap(
    api.GET('/api/v1/me/notifications', {
      params: { query: { limit: 30, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** Marks some notifications (or all) read and answers with the new unread count. */
export async function markRead(ids: string[] | 'all'): Promise<number> {
  const { unreadCount } = await unwrap(
    api.POST('/api/v1/me/notifications/read', {
      body: ids === 'all' ? { all: true } : { ids },
    }),
  );
  return unreadCount;
}

export function listFollowRequests(cursor: string | undefined) {
  return unwrap(
    api.GET('/api/v1/me/follow-requests', {
      params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export async function answerFollowRequest(
  handle: string,
  answer: 'approve' | 'decline',
): Promise<void> {
  const path = { params: { path: { handle } } };
  await unwrap(
    answer === 'approve'
      ? api.POST('/api/v1/me/follow-requests/{handle}/approve', path)
      : api.POST('/api/v1/me/follow-requests/{handle}/decline', path),
  );
}
