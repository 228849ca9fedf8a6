// A feed's videos, page after page with the keyset cursor: the first page on mount, the next
// when asked (the viewer is near the end).
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchFeedPage, type FeedKind, type FeedVideo } from './feed.api';

export type FeedPages = {
  videos: FeedVideo[];
  status: 'loading' | 'ready' | 'error';
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
  /** Takes a creator's videos from `fromIndex` on out of the list (those before stay: seen). */
  dropCreator: (creatorId: string, fromIndex: number) => void;
};

export function useFeedPages(kind: FeedKind, viewerId: string | null): FeedPages {
  const [videos, setVideos] = useState<FeedVideo[]>([]);
  const [status, setStatus] = useState<FeedPages['status']>('loading');
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const isLoadingMore = useRef(false);
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setVideos([]);
    setNextCursor(null);
    setStatus('loading');
    fetchFeedPage(kind, null).then(
      (page) => {
        if (current !== generation.current) return;
        setVideos(page.videos);
        setNextCursor(page.nextCursor);
        setStatus('ready');
      },
      () => {
        if (current === generation.current) setStatus('error');
      },
    );
  }, [kind, viewerId, attempt]);

  const loadMore = useCallback(() => {
    if (!nextCursor || isLoadingMore.current) return;
    isLoadingMore.current = true;
    const current = generation.current;
    fetchFeedPage(kind, nextCursor)
      .then((page) => {
        if (current !== generation.current) return;
        setVideos((previous) => {
          const seen = new Set(previous.map((entry) => entry.video.id));
          return [...previous, ...page.videos.filter((entry) => !seen.has(entry.video.id))];
        });
        setNextCursor(page.nextCursor);
      })
      .catch(() => undefined)
      .finally(() => {
        isLoadingMore.current = false;
      });
  }, [kind, nextCursor]);

  const dropCreator = useCallback((creatorId: string, fromIndex: number) => {
    setVideos((previous) =>
      previous.filter((entry, index) => index < fromIndex || entry.video.creator.id !== creatorId),
    );
  }, []);

  return {
    videos,
    status,
    hasMore: nextCursor !== null,
    loadMore,
    retry: () => setAttempt((count) => count + 1),
    dropCreator,
  };
}
