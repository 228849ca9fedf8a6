// The creator's videos as a grid of posters (pinned first). On your own profile a second tab
// lists what is not published yet: drafts still uploading, videos processing, and failures.
import type { Schemas } from '@shortwave/api-client';
import { useState } from 'react';
import { describeProblem } from '../../api/problems';
import { useCursorPages } from '../../api/useCursorPages';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { ListProblem } from '../../ui/ListProblem';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { Tabs } from '../../ui/Tabs';
import { useToast } from '../../ui/Toast';
import { PosterGrid, type PosterTile } from './PosterGrid';
import { listOwnVideos, listVideos, setPinned } from './profile.api';
import styles from './ProfilePage.module.css';

type Tab = 'videos' | 'unpublished';

export function VideoGrid({
  handle,
  isOwn,
  canSeeVideos,
}: {
  handle: string;
  isOwn: boolean;
  canSeeVideos: boolean;
}) {
  const [tab, setTab] = useState<Tab>('videos');
  if (!canSeeVideos) {
    return (
      <section className={styles.videos} aria-label="Videos">
        <EmptyState icon="lock" title="This account is private">
          Follow @{handle} to see their videos. They approve each follower.
        </EmptyState>
      </section>
    );
  }
  if (!isOwn) {
    return (
      <section className={styles.videos} aria-labelledby="profile-videos">
        <h2 id="profile-videos" className={styles.videosTab}>
          Videos
        </h2>
        <PublishedVideos handle={handle} isOwn={false} />
      </section>
    );
  }
  return (
    <section className={styles.videos} aria-label="Your videos">
      <Tabs
        label="Your videos"
        options={[
          { value: 'videos', label: 'Videos' },
          { value: 'unpublished', label: 'Drafts & processing' },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'videos' ? <PublishedVideos handle={handle} isOwn /> : <UnpublishedVideos />}
      </Tabs>
    </section>
  );
}

function PublishedVideos({ handle, isOwn }: { handle: string; isOwn: boolean }) {
  const pages = useCursorPages(`videos:${handle}`, (cursor) => listVideos(handle, cursor));
  if (pages.status === 'loading') return <LoadingMessage text="Loading videos…" />;
  if (pages.status === 'failed')
    return <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />;
  if (pages.items.length === 0) {
    return (
      <EmptyState
        icon="video"
        title={isOwn ? 'Share your first video' : 'No videos yet'}
        action={isOwn ? <ButtonLink to="/upload">Upload</ButtonLink> : undefined}
      >
        {isOwn ? 'Your videos will appear here.' : 'Videos this creator posts will appear here.'}
      </EmptyState>
    );
  }
  const tiles: PosterTile[] = pages.items.map((video) => ({
    id: video.id,
    caption: video.caption,
    posterUrl: video.posterUrl,
    viewCount: video.stats.viewCount,
    isPinned: video.isPinned,
  }));
  return (
    <>
      <PosterGrid
        tiles={tiles}
        label={isOwn ? 'Your published videos' : `Videos by @${handle}`}
        renderAction={
          isOwn ? (tile) => <PinButton tile={tile} onChanged={pages.reload} /> : undefined
        }
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

/** Pins a video to the top of your profile (at most three), or unpins it. */
function PinButton({ tile, onChanged }: { tile: PosterTile; onChanged: () => void }) {
  const showToast = useToast();
  const [isPending, setIsPending] = useState(false);
  const isPinned = tile.isPinned === true;
  const toggle = async () => {
    setIsPending(true);
    try {
      await setPinned(tile.id, !isPinned);
      showToast(isPinned ? 'Unpinned' : 'Pinned to the top of your profile');
      onChanged();
    } catch (error) {
      showToast(describeProblem(error));
      setIsPending(false);
    }
  };
  const caption = tile.caption.trim() || 'video without a caption';
  return (
    <button
      type="button"
      className={styles.pinButton}
      aria-pressed={isPinned}
      disabled={isPending}
      onClick={() => void toggle()}
    >
      <Icon name="pin" size={16} />
      <span className="visually-hidden">Pin “{caption}” to the top</span>
    </button>
  );
}

function describeState(video: Schemas['Video']): string {
  switch (video.state) {
    case 'uploading':
      return 'Draft: upload not finished';
    case 'processing':
      return `Processing ${video.processingPercent}%`;
    case 'failed':
      return 'Failed';
    case 'ready':
      return 'Published';
  }
}

function UnpublishedVideos() {
  const pages = useCursorPages('own-videos', listOwnVideos);
  if (pages.status === 'loading') return <LoadingMessage text="Loading your drafts…" />;
  if (pages.status === 'failed')
    return <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />;
  const unpublished = pages.items.filter((video) => video.state !== 'ready');
  const failures = unpublished.filter((video) => video.state === 'failed' && video.failure);
  return (
    <>
      {unpublished.length === 0 && !pages.hasMore ? (
        <EmptyState
          icon="video"
          title="Nothing waiting"
          action={<ButtonLink to="/upload">Upload</ButtonLink>}
        >
          Drafts, videos still processing and uploads that failed show up here.
        </EmptyState>
      ) : (
        <PosterGrid
          label="Your drafts, processing and failed videos"
          tiles={unpublished.map((video) => ({
            id: video.id,
            caption: video.caption,
            posterUrl: video.posterUrl,
            badge: describeState(video),
          }))}
        />
      )}
      {failures.length > 0 && (
        <ul className={styles.failures} aria-label="Why videos failed">
          {failures.map((video) => (
            <li key={video.id}>
              <strong>{video.caption.trim() || 'Video without a caption'}:</strong>{' '}
              {video.failure?.reason}
            </li>
          ))}
        </ul>
      )}
      <PagedListFooter
        hasMore={pages.hasMore}
        isLoadingMore={pages.isLoadingMore}
        error={pages.error}
        onLoadMore={pages.loadMore}
        label="Look further back"
      />
    </>
  );
}
