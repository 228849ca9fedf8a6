// Your unread count and new notifications, live: one EventSource on
// /api/v1/me/notifications/stream while someone is signed in and any component listens. The
// server sends `unread` first and after every change, and `notification` as things happen; the
// browser reconnects on its own after a dropped connection.
import type { Schemas } from '@shortwave/api-client';
import { useEffect, useSyncExternalStore } from 'react';
import { useSession } from '../../api/useSession';

type Notification = Schemas['Notification'];

const STREAM_URL = '/api/v1/me/notifications/stream';

let unreadCount = 0;
let source: EventSource | null = null;
let connectedAccountId: string | null = null;
let users = 0;
const countListeners = new Set<() => void>();
const notificationListeners = new Set<(notification: Notification) => void>();

function setUnreadCount(next: number) {
  if (next === unreadCount) return;
  unreadCount = next;
  for (const listener of countListeners) listener();
}

function connect(accountId: string) {
  if (source && connectedAccountId === accountId) return;
  disconnect();
  connectedAccountId = accountId;
  source = new EventSource(STREAM_URL);
  source.addEventListener('unread', (event: MessageEvent<string>) => {
    const data = JSON.parse(event.data) as Schemas['UnreadCount'];
    setUnreadCount(data.unreadCount);
  });
  source.addEventListener('notification', (event: MessageEvent<string>) => {
    const notification = JSON.parse(event.data) as Notification;
    for (const listener of notificationListeners) listener(notification);
  });
}

function disconnect() {
  source?.close();
  source = null;
  connectedAccountId = null;
  setUnreadCount(0);
}

export const notificationStream = {
  /** After marking read here, the answer's count shows at once (the stream confirms it). */
  setUnreadCount,
  onNotification(listener: (notification: Notification) => void): () => void {
    notificationListeners.add(listener);
    return () => notificationListeners.delete(listener);
  },
};

/** The live unread count (0 when signed out); keeps the stream open while it is used. */
export function useUnreadCount(): number {
  const session = useSession();
  const accountId = session.account?.id ?? null;
  useEffect(() => {
    if (!accountId) return;
    users += 1;
    connect(accountId);
    return () => {
      users -= 1;
      if (users === 0) disconnect();
    };
  }, [accountId]);
  const count = useSyncExternalStore(
    (listener) => {
      countListeners.add(listener);
      return () => countListeners.delete(listener);
    },
    () => unreadCount,
  );
  return accountId ? count : 0;
}
