// /inbox: follow requests waiting for an answer, then notifications, most recent activity first
// ("Ana and 12 others liked your video"). New ones arrive live at the top. Opening one marks it
// read; "Mark all read" clears the badge on the Inbox tab.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeProblem } from '../../api/problems';
import { useCursorPages } from '../../api/useCursorPages';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ListProblem } from '../../ui/ListProblem';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { PageHeader } from '../../ui/PageHeader';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { useToast } from '../../ui/Toast';
import { FollowRequests } from './FollowRequests';
import styles from './InboxPage.module.css';
import { listNotifications, markRead, type Notification } from './notifications.api';
import { notificationStream, useUnreadCount } from './notificationStream';
import { NotificationRow } from './NotificationRow';
import { targetOf } from './notificationTarget';

export function InboxPage() {
  const showToast = useToast();
  const navigate = useNavigate();
  const unreadCount = useUnreadCount();
  const pages = useCursorPages('notifications', listNotifications);
  const [isMarking, setIsMarking] = useState(false);
  const { update } = pages;

  // A new notification, or a grouped one with new activity, moves to the top.
  useEffect(
    () =>
      notificationStream.onNotification((notification) =>
        update((items) => [notification, ...items.filter((item) => item.id !== notification.id)]),
      ),
    [update],
  );

  const markAllRead = async () => {
    setIsMarking(true);
    try {
      notificationStream.setUnreadCount(await markRead('all'));
      update((items) => items.map((item) => ({ ...item, isRead: true })));
    } catch (error) {
      showToast(describeProblem(error));
    } finally {
      setIsMarking(false);
    }
  };

  const open = (notification: Notification) => {
    if (!notification.isRead) {
      update((items) =>
        items.map((item) => (item.id === notification.id ? { ...item, isRead: true } : item)),
      );
      markRead([notification.id]).then(notificationStream.setUnreadCount, () => undefined);
    }
    const target = targetOf(notification);
    if (target) void navigate(target);
  };

  return (
    <>
      <PageHeader title="Inbox" hasBackButton={false} />
      <FollowRequests />
      <section aria-labelledby="inbox-activity">
        <div className={styles.sectionBar}>
          <h2 id="inbox-activity" className={styles.sectionTitle}>
            Activity
            {unreadCount > 0 && <span className={styles.unreadCount}>{unreadCount} new</span>}
          </h2>
          {unreadCount > 0 && (
            <Button
              variant="ghost"
              isSmall
              isPending={isMarking}
              onClick={() => void markAllRead()}
            >
              Mark all read
            </Button>
          )}
        </div>
        {pages.status === 'loading' && <LoadingMessage text="Loading notifications…" />}
        {pages.status === 'failed' && (
          <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />
        )}
        {pages.status === 'ready' && pages.items.length === 0 && (
          <EmptyState icon="inbox" title="No notifications yet">
            When people follow you, like or comment on your videos, or mention you, you’ll see it
            here.
          </EmptyState>
        )}
        {pages.items.length > 0 && (
          <ul className={styles.list} aria-label="Notifications">
            {pages.items.map((notification) => (
              <NotificationRow
                key={notification.id}
                notification={notification}
                onOpen={() => open(notification)}
              />
            ))}
          </ul>
        )}
        <PagedListFooter
          hasMore={pages.hasMore}
          isLoadingMore={pages.isLoadingMore}
          error={pages.status === 'ready' ? pages.error : null}
          onLoadMore={pages.loadMore}
        />
      </section>
    </>
  );
}
