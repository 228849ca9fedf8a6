// The watch page's comments: a rail button with the count that opens the feed's comments sheet,
// already open when the address names a comment (a notification about a comment or reply).
import { unwrap } from '@shortwave/api-client';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { FeedIcon } from '../feed/FeedIcons';
import type { Video } from '../upload/videos.api';
import styles from './WatchPage.module.css';

const CommentsSheet = lazy(async () => ({
  default: (await import('../comments/CommentsSheet')).CommentsSheet,
}));

export function WatchComments({ video }: { video: Video }) {
  const [search] = useSearchParams();
  const [isOpen, setIsOpen] = useState(search.has('comment'));
  const [commentCount, setCommentCount] = useState<number | null>(null);

  useEffect(() => {
    let isCurrent = true;
    unwrap(api.GET('/api/v1/videos/{id}/engagement', { params: { path: { id: video.id } } }))
      .then((engagement) => {
        if (isCurrent) setCommentCount(engagement.stats.commentCount);
      })
      // The count is a nicety: without it the sheet still lists the comments.
      .catch(() => {
        if (isCurrent) setCommentCount(0);
      });
    return () => {
      isCurrent = false;
    };
  }, [video.id]);

  return (
    <>
      <button type="button" className={styles.railButton} onClick={() => setIsOpen(true)}>
        <span className={styles.railIcon}>
          <FeedIcon name="comment" size={26} />
        </span>
        {commentCount ?? ''}
        <span className="visually-hidden"> Comments</span>
      </button>
      {isOpen && commentCount !== null && (
        <Suspense fallback={null}>
          <CommentsSheet
            video={video}
            commentCount={commentCount ?? 0}
            onCommentCountChange={setCommentCount}
            onClose={() => setIsOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
