// /tag/:name: one hashtag, how many videos (that you may see) carry it and their views, and the
// videos themselves, newest first.
import { ApiProblem, unwrap, type Schemas } from '@shortwave/api-client';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { describeProblem } from '../../api/problems';
import { useCursorPages } from '../../api/useCursorPages';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { ListProblem } from '../../ui/ListProblem';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { PageHeader } from '../../ui/PageHeader';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { formatCount, PosterGrid } from '../profile/PosterGrid';
import styles from './HashtagPage.module.css';

type Summary =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; hashtag: Schemas['HashtagCount'] };

/** "#Dance" and "dance" are the same tag. */
const normalise = (name: string) => name.replace(/^#/, '').toLowerCase();

export function HashtagPage() {
  const tag = normalise(useParams().name ?? '');
  const [summary, setSummary] = useState<Summary>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    setSummary({ status: 'loading' });
    unwrap(api.GET('/api/v1/hashtags/{tag}', { params: { path: { tag } } })).then(
      (hashtag) => isCurrent && setSummary({ status: 'ready', hashtag }),
      (error: unknown) =>
        isCurrent &&
        setSummary(
          error instanceof ApiProblem && (error.status === 404 || error.status === 400)
            ? { status: 'missing' }
            : { status: 'failed', message: describeProblem(error) },
        ),
    );
    return () => {
      isCurrent = false;
    };
  }, [tag, attempt]);

  return (
    <>
      <PageHeader title={`#${tag}`} isTitleHeading={false} />
      <section className={styles.header} aria-label="Hashtag">
        <span className={styles.bigIcon} aria-hidden="true">
          <Icon name="hash" size={40} />
        </span>
        <div>
          <h1 className={styles.title}>#{tag}</h1>
          {summary.status === 'ready' && (
            <p className={styles.meta}>
              {formatCount(summary.hashtag.videoCount)}{' '}
              {summary.hashtag.videoCount === 1 ? 'video' : 'videos'} ·{' '}
              {formatCount(summary.hashtag.viewCount)}{' '}
              {summary.hashtag.viewCount === 1 ? 'view' : 'views'}
            </p>
          )}
        </div>
      </section>
      {summary.status === 'loading' && <LoadingMessage />}
      {summary.status === 'failed' && (
        <ListProblem message={summary.message} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {summary.status === 'missing' && <NoVideos tag={tag} />}
      {summary.status === 'ready' &&
        (summary.hashtag.videoCount === 0 ? <NoVideos tag={tag} /> : <TagVideos tag={tag} />)}
    </>
  );
}

function NoVideos({ tag }: { tag: string }) {
  return (
    <EmptyState
      icon="hash"
      title="No videos yet"
      action={
        <>
          <ButtonLink to="/upload">Upload a video</ButtonLink>
          <ButtonLink to="/discover" variant="secondary">
            Discover
          </ButtonLink>
        </>
      }
    >
      Be the first: put #{tag} in a caption.
    </EmptyState>
  );
}

function TagVideos({ tag }: { tag: string }) {
  const pages = useCursorPages(`tag:${tag}`, (cursor) =>
    unwrap(
      api.GET('/api/v1/hashtags/{tag}/videos', {
        params: { path: { tag }, query: { limit: 24, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  if (pages.status === 'loading') return <LoadingMessage text="Loading videos…" />;
  if (pages.status === 'failed')
    return <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />;
  if (pages.items.length === 0) return <NoVideos tag={tag} />;
  return (
    <>
      <PosterGrid
        label={`Videos tagged #${tag}`}
        tiles={pages.items.map((video) => ({
          id: video.id,
          caption: video.caption,
          posterUrl: video.posterUrl,
          viewCount: video.stats.viewCount,
        }))}
      />
      <PagedListFooter
        hasMore={pages.hasMore}
        isLoadingMore={pages.isLoadingMore}
        error={pages.error}
        onLoadMore={pages.loadMore}
      />
    </>
  );
}
