// Your say over For You: what you watched (each entry, or all of it, can go, and with it its
// influence), the creators you hid, and starting over.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { describeProblem } from '../../api/problems';
import { useCursorPages, type CursorPages } from '../../api/useCursorPages';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { RelativeTime } from '../../ui/RelativeTime';
import { useToast } from '../../ui/Toast';
import { resetForYou } from '../feed/feed.api';
import { PagedListStatus } from './PagedListStatus';
import { SettingsSection } from './SettingsSection';
import styles from './SettingsPage.module.css';

const fetchHistory = (cursor: string | undefined) =>
  unwrap(
    api.GET('/api/v1/me/watch-history', {
      params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
    }),
  );

const fetchHiddenCreators = (cursor: string | undefined) =>
  unwrap(
    api.GET('/api/v1/me/hidden-creators', {
      params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } },
    }),
  );

export function ForYouSection() {
  const history = useCursorPages('watch-history', fetchHistory);
  const hidden = useCursorPages('hidden-creators', fetchHiddenCreators);
  return (
    <div id="for-you" className={styles.anchor}>
      <WatchHistorySection history={history} />
      <HiddenCreatorsSection hidden={hidden} />
      <ResetSection onReset={history.reload} />
    </div>
  );
}

function WatchHistorySection({ history }: { history: CursorPages<Schemas['WatchHistoryEntry']> }) {
  const showToast = useToast();
  const [isClearing, setIsClearing] = useState(false);
  const clear = async () => {
    setIsClearing(true);
    try {
      await unwrap(api.DELETE('/api/v1/me/watch-history'));
      history.update(() => []);
      showToast('Watch history cleared.');
    } catch (error) {
      showToast(describeProblem(error));
    } finally {
      setIsClearing(false);
    }
  };
  return (
    <SettingsSection
      title="Watch history"
      description="What For You learnt from. Removing a video also removes its influence."
    >
      <PagedListStatus pages={history} empty="Nothing watched yet." />
      {history.items.length > 0 && (
        <>
          <ul className={styles.list} aria-label="Watch history">
            {history.items.map((entry) => (
              <HistoryRow
                key={entry.video.id}
                entry={entry}
                onRemoved={() =>
                  history.update((items) =>
                    items.filter((item) => item.video.id !== entry.video.id),
                  )
                }
              />
            ))}
          </ul>
          <Button
            variant="secondary"
            isSmall
            isPending={isClearing}
            className={styles.formButton}
            onClick={() => void clear()}
          >
            Clear watch history
          </Button>
        </>
      )}
      <PagedListFooter
        hasMore={history.hasMore}
        isLoadingMore={history.isLoadingMore}
        error={history.status === 'ready' ? history.error : null}
        onLoadMore={history.loadMore}
      />
    </SettingsSection>
  );
}

function HistoryRow({
  entry,
  onRemoved,
}: {
  entry: Schemas['WatchHistoryEntry'];
  onRemoved: () => void;
}) {
  const showToast = useToast();
  const [isPending, setIsPending] = useState(false);
  const { video } = entry;
  const title = video.caption.trim() || 'Video without a caption';
  const remove = async () => {
    setIsPending(true);
    try {
      await unwrap(
        api.DELETE('/api/v1/me/watch-history/{videoId}', {
          params: { path: { videoId: video.id } },
        }),
      );
      onRemoved();
    } catch (error) {
      showToast(describeProblem(error));
      setIsPending(false);
    }
  };
  return (
    <li className={styles.row}>
      <div className={styles.rowText}>
        <Link to={`/v/${video.id}`} className={styles.rowTitle}>
          {title}
        </Link>
        <p className={styles.rowMeta}>
          @{video.creator.handle} · watched {Math.round(entry.watchRatio * 100)}% ·{' '}
          <RelativeTime at={entry.watchedAt} />
        </p>
      </div>
      <Button variant="ghost" isSmall isPending={isPending} onClick={() => void remove()}>
        Remove<span className="visually-hidden"> “{title}” from your watch history</span>
      </Button>
    </li>
  );
}

function HiddenCreatorsSection({ hidden }: { hidden: CursorPages<Schemas['HiddenCreator']> }) {
  const showToast = useToast();
  const unhide = async (handle: string) => {
    try {
      await unwrap(
        api.DELETE('/api/v1/me/hidden-creators/{handle}', { params: { path: { handle } } }),
      );
      hidden.update((items) => items.filter((item) => item.handle !== handle));
      showToast(`@${handle} can show up in For You again.`);
    } catch (error) {
      showToast(describeProblem(error));
    }
  };
  return (
    <SettingsSection
      title="Hidden creators"
      description="Creators you hid never show up in For You."
    >
      <PagedListStatus pages={hidden} empty="You haven’t hidden anyone." />
      {hidden.items.length > 0 && (
        <ul className={styles.list} aria-label="Hidden creators">
          {hidden.items.map((creator) => (
            <li key={creator.handle} className={styles.row}>
              <Avatar src={null} name={creator.displayName || creator.handle} size={40} />
              <div className={styles.rowText}>
                <p className={styles.rowTitle}>{creator.displayName || creator.handle}</p>
                <p className={styles.rowMeta}>@{creator.handle}</p>
              </div>
              <Button variant="secondary" isSmall onClick={() => void unhide(creator.handle)}>
                Show again<span className="visually-hidden"> @{creator.handle}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PagedListFooter
        hasMore={hidden.hasMore}
        isLoadingMore={hidden.isLoadingMore}
        error={hidden.status === 'ready' ? hidden.error : null}
        onLoadMore={hidden.loadMore}
      />
    </SettingsSection>
  );
}

function ResetSection({ onReset }: { onReset: () => void }) {
  const showToast = useToast();
  const [isPending, setIsPending] = useState(false);
  const reset = async () => {
    setIsPending(true);
    try {
      await resetForYou();
      onReset();
      showToast('For You starts afresh.');
    } catch (error) {
      showToast(describeProblem(error));
    } finally {
      setIsPending(false);
    }
  };
  return (
    <SettingsSection
      title="Start For You afresh"
      description="Forget what you watched and the tastes For You learnt. Hidden creators stay hidden."
    >
      <Button
        variant="secondary"
        isPending={isPending}
        className={styles.formButton}
        onClick={() => void reset()}
      >
        Reset For You
      </Button>
    </SettingsSection>
  );
}
