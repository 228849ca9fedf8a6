// People asking to follow your private account, each with Approve and Decline. Hidden when
// nobody is waiting.
import { useEffect, useState } from 'react';
import { describeProblem } from '../../api/problems';
import { useCursorPages } from '../../api/useCursorPages';
import { Button } from '../../ui/Button';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { useToast } from '../../ui/Toast';
import { AccountRow } from '../profile/AccountRow';
import styles from './InboxPage.module.css';
import { answerFollowRequest, listFollowRequests } from './notifications.api';
import { notificationStream } from './notificationStream';

export function FollowRequests() {
  const pages = useCursorPages('follow-requests', listFollowRequests);
  const { reload } = pages;
  // A new request arrives as a notification; fetch the list again to show it.
  useEffect(
    () =>
      notificationStream.onNotification((notification) => {
        if (notification.kind === 'follow-requested') reload();
      }),
    [reload],
  );
  if (pages.items.length === 0) return null;
  return (
    <section aria-labelledby="inbox-requests" className={styles.requests}>
      <h2 id="inbox-requests" className={styles.sectionTitle}>
        Follow requests <span className={styles.unreadCount}>{pages.items.length}</span>
      </h2>
      <ul className={styles.list}>
        {pages.items.map((account) => (
          <AccountRow
            key={account.id}
            account={account}
            action={
              <RequestButtons
                handle={account.handle}
                onAnswered={() =>
                  pages.update((items) => items.filter((item) => item.id !== account.id))
                }
              />
            }
          />
        ))}
      </ul>
      <PagedListFooter
        hasMore={pages.hasMore}
        isLoadingMore={pages.isLoadingMore}
        error={pages.error}
        onLoadMore={pages.loadMore}
      />
    </section>
  );
}

function RequestButtons({ handle, onAnswered }: { handle: string; onAnswered: () => void }) {
  const showToast = useToast();
  const [pending, setPending] = useState<'approve' | 'decline' | null>(null);
  const answer = async (choice: 'approve' | 'decline') => {
    setPending(choice);
    try {
      await answerFollowRequest(handle, choice);
      showToast(
        choice === 'approve' ? `@${handle} now follows you` : `Request from @${handle} declined`,
      );
      onAnswered();
    } catch (error) {
      showToast(describeProblem(error));
      setPending(null);
    }
  };
  return (
    <>
      <Button
        isSmall
        isPending={pending === 'approve'}
        disabled={pending === 'decline'}
        onClick={() => void answer('approve')}
      >
        Approve<span className="visually-hidden"> @{handle}</span>
      </Button>
      <Button
        isSmall
        variant="secondary"
        isPending={pending === 'decline'}
        disabled={pending === 'approve'}
        onClick={() => void answer('decline')}
      >
        Decline<span className="visually-hidden"> @{handle}</span>
      </Button>
    </>
  );
}
