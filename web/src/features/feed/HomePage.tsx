// Home: the For You and Following feeds, full-bleed under a floating switch. Videos arrive in a
// later release, so for now each feed says how it will fill up.
import { useSession } from '../../api/useSession';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { usePageTitle } from '../../ui/usePageTitle';
import { FeedSwitch, type FeedName } from './FeedSwitch';
import styles from './HomePage.module.css';

export function HomePage({ feed }: { feed: FeedName }) {
  const session = useSession();
  usePageTitle(feed === 'following' ? 'Following' : null);
  return (
    <div className={styles.home}>
      <h1 className="visually-hidden">{feed === 'following' ? 'Following' : 'For You'}</h1>
      <div className={styles.top}>
        <FeedSwitch current={feed} />
        {session.status === 'signed-out' && (
          <ButtonLink to="/login" variant="secondary" isSmall className={styles.logIn}>
            Log in
          </ButtonLink>
        )}
      </div>
      <div className={styles.stage}>
        {feed === 'for-you' ? (
          <EmptyState
            icon="video"
            title="No videos yet — be the first to upload"
            action={<ButtonLink to="/upload">Upload a video</ButtonLink>}
          >
            Videos from every creator on this server will play here, one after another.
          </EmptyState>
        ) : session.account ? (
          <EmptyState
            icon="person"
            title="No videos from people you follow"
            action={<ButtonLink to="/">Watch For You</ButtonLink>}
          >
            Follow creators and their new videos will show up here.
          </EmptyState>
        ) : (
          <EmptyState
            icon="person"
            title="See videos from creators you follow"
            action={
              <>
                <ButtonLink to="/login?next=%2Ffollowing">Log in</ButtonLink>
                <ButtonLink to="/signup?next=%2Ffollowing" variant="secondary">
                  Sign up
                </ButtonLink>
              </>
            }
          >
            Log in to follow creators and watch their latest videos.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
