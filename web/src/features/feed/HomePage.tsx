// Home: the For You, Following, Fresh and Trending feeds, full-screen under a floating switch,
// one video per screen. Each feed says what to do when it has nothing to show.
import { useEffect } from 'react';
import { useSession } from '../../api/useSession';
import { Button, ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { usePageTitle } from '../../ui/usePageTitle';
import { FEEDS, FeedSwitch, type FeedName } from './FeedSwitch';
import { FeedView } from './FeedView';
import { rememberFollowStatus } from './followStatus';
import { useFeedPages } from './useFeedPages';
import styles from './HomePage.module.css';

export function HomePage({ feed }: { feed: FeedName }) {
  const session = useSession();
  const label = FEEDS.find((entry) => entry.name === feed)?.label ?? 'For You';
  usePageTitle(feed === 'for-you' ? null : label);
  const isSignedOutOfFollowing = feed === 'following' && session.status !== 'signed-in';
  return (
    <div className={styles.home}>
      <h1 className="visually-hidden">{label}</h1>
      <div className={styles.top}>
        <FeedSwitch current={feed} />
        {session.status === 'signed-out' && (
          <ButtonLink to="/login" variant="secondary" isSmall className={styles.logIn}>
            Log in
          </ButtonLink>
        )}
      </div>
      {isSignedOutOfFollowing ? (
        <div className={styles.stage}>
          <EmptyState
            icon="person"
            title="See videos from creators you follow"
            action={
              <>
                <ButtonLink to="/signup?next=%2Ffollowing">Sign up</ButtonLink>
                <ButtonLink to="/login?next=%2Ffollowing" variant="secondary">
                  Log in
                </ButtonLink>
                <ButtonLink to="/discover" variant="ghost">
                  Discover creators
                </ButtonLink>
              </>
            }
          >
            Sign up or log in to follow creators and watch their latest videos here.
          </EmptyState>
        </div>
      ) : (
        <Feed key={feed} feed={feed} viewerId={session.account?.id ?? null} />
      )}
    </div>
  );
}

function Feed({ feed, viewerId }: { feed: FeedName; viewerId: string | null }) {
  const pages = useFeedPages(feed, viewerId);
  useEffect(() => {
    // Everyone in Following is followed: no need to ask, and no "+" to show.
    if (feed === 'following')
      pages.videos.forEach(({ video }) => rememberFollowStatus(video.creator.handle, 'following'));
  }, [feed, pages.videos]);
  if (pages.status === 'loading')
    return (
      <div className={styles.stage}>
        <LoadingMessage text="Loading videos…" />
      </div>
    );
  if (pages.status === 'error')
    return (
      <div className={styles.stage}>
        <EmptyState
          icon="alert"
          title="Videos could not be loaded"
          action={<Button onClick={pages.retry}>Try again</Button>}
        >
          Check your connection and try again.
        </EmptyState>
      </div>
    );
  if (pages.videos.length === 0)
    return (
      <div className={styles.stage}>
        {feed === 'trending' ? (
          <EmptyState
            icon="video"
            title="Nothing is trending yet"
            action={<ButtonLink to="/fresh">Watch Fresh</ButtonLink>}
          >
            Videos people watch, like and share a lot in the last days show up here.
          </EmptyState>
        ) : feed !== 'following' ? (
          <EmptyState
            icon="video"
            title="No videos yet — be the first to upload"
            action={<ButtonLink to="/upload">Upload a video</ButtonLink>}
          >
            Videos from every creator on this server will play here, one after another.
          </EmptyState>
        ) : (
          <EmptyState
            icon="person"
            title="No videos from people you follow"
            action={
              <>
                <ButtonLink to="/">Watch For You</ButtonLink>
                <ButtonLink to="/discover" variant="secondary">
                  Discover creators
                </ButtonLink>
              </>
            }
          >
            Follow creators and their new videos will show up here.
          </EmptyState>
        )}
      </div>
    );
  return (
    <FeedView
      videos={pages.videos}
      hasMore={pages.hasMore}
      onNearEnd={pages.loadMore}
      onCreatorDismissed={pages.dropCreator}
    />
  );
}
