// /@handle: a creator's avatar, names, counts, bio and videos. Your own profile has "Edit
// profile", a way to Settings and your drafts; someone else's has Follow and a "…" menu (mute,
// block, report).
import type { Schemas } from '@shortwave/api-client';
import { useState } from 'react';
import { Link, useLoaderData, useRevalidator } from 'react-router';
import { describeProblem } from '../../api/problems';
import { useSession } from '../../api/useSession';
import { Avatar } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { IconLink } from '../../ui/IconLink';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toast';
import { FollowButton } from './FollowButton';
import { formatCount } from './PosterGrid';
import { setBlocked, type FollowStatus, type ProfileStats } from './profile.api';
import type { ProfilePageData } from './profile.loader';
import { ProfileMenu } from './ProfileMenu';
import styles from './ProfilePage.module.css';
import { VideoGrid } from './VideoGrid';

export function ProfilePage() {
  const data = useLoaderData<ProfilePageData>();
  switch (data.kind) {
    case 'profile':
      // A new key per account: following state starts afresh on another profile.
      return <Profile key={data.profile.id} profile={data.profile} loadedStats={data.stats} />;
    case 'no-such-account':
      return <NoSuchAccount handle={data.handle} />;
  }
}

function Profile({
  profile,
  loadedStats,
}: {
  profile: Schemas['Profile'];
  loadedStats: ProfileStats;
}) {
  const { account } = useSession();
  const [stats, setStats] = useState(loadedStats);
  const [isBlocked, setIsBlocked] = useState(false);
  const isOwn = account?.id === profile.id;
  // Right after an edit the session already holds the newer version of your own profile.
  const shown = isOwn && account ? account : profile;
  const relationship = stats.relationship;
  const joinedAt = new Date(shown.createdAt).toLocaleDateString(undefined, {
    month: 'long',
    year: 'numeric',
  });

  if (isBlocked) return <BlockedNotice handle={shown.handle} />;

  const onFollowChange = (following: FollowStatus) =>
    setStats((current) => {
      if (!current.relationship) return current;
      const wasFollowing = current.relationship.following === 'following';
      const isFollowing = following === 'following';
      return {
        ...current,
        followerCount: current.followerCount + (isFollowing ? 1 : 0) - (wasFollowing ? 1 : 0),
        // Following a private account does not show its videos until the owner approves.
        canSeeVideos: current.isPrivate ? isFollowing : current.canSeeVideos,
        relationship: { ...current.relationship, following },
      };
    });

  const base = `/@${shown.handle}`;
  return (
    <>
      <PageHeader
        title={`@${shown.handle}`}
        isTitleHeading={false}
        documentTitle={`${shown.displayName} (@${shown.handle})`}
        action={
          isOwn ? (
            <IconLink to="/settings" icon="settings" label="Settings" />
          ) : account && relationship ? (
            <ProfileMenu
              account={shown}
              isMuting={relationship.isMuting}
              onMutedChange={(isMuting) =>
                setStats((current) =>
                  current.relationship
                    ? { ...current, relationship: { ...current.relationship, isMuting } }
                    : current,
                )
              }
              onBlocked={() => setIsBlocked(true)}
            />
          ) : undefined
        }
      />
      <section className={styles.profile} aria-label="Profile">
        <Avatar src={shown.avatarUrl} name={shown.displayName} size={96} alt="Profile photo" />
        <h1 className={styles.name}>
          {shown.displayName}
          {stats.isPrivate && (
            <span className={styles.privateMark}>
              <Icon name="lock" size={18} />
              <span className="visually-hidden">(private account)</span>
            </span>
          )}
        </h1>
        <ul className={styles.counts} aria-label="Counts">
          <li>
            <Link to={`${base}/following`} className={styles.count}>
              <strong>{formatCount(stats.followingCount)}</strong> Following
            </Link>
          </li>
          <li>
            <Link to={`${base}/followers`} className={styles.count}>
              <strong>{formatCount(stats.followerCount)}</strong>{' '}
              {stats.followerCount === 1 ? 'Follower' : 'Followers'}
            </Link>
          </li>
          <li className={styles.count}>
            <strong>{formatCount(stats.likeCount)}</strong>{' '}
            {stats.likeCount === 1 ? 'Like' : 'Likes'}
          </li>
        </ul>
        {isOwn ? (
          <ButtonLink to="/profile/edit" variant="secondary" className={styles.edit}>
            Edit profile
          </ButtonLink>
        ) : (
          <FollowButton
            handle={shown.handle}
            status={relationship?.following ?? 'none'}
            isFollowedBy={relationship?.isFollowedBy ?? false}
            onChange={onFollowChange}
            className={styles.edit}
          />
        )}
        {relationship?.isMuting && <p className={styles.muted}>You muted this account.</p>}
        {shown.bio ? (
          <p className={styles.bio}>{shown.bio}</p>
        ) : isOwn ? (
          <p className={styles.noBio}>No bio yet. Tell viewers what your videos are about.</p>
        ) : null}
        <p className={styles.joined}>
          {stats.isPrivate ? 'Private account · ' : ''}Joined {joinedAt}
        </p>
      </section>
      <VideoGrid handle={shown.handle} isOwn={isOwn} canSeeVideos={stats.canSeeVideos} />
    </>
  );
}

/** Right after blocking: the profile is gone, with a way to take it back. */
function BlockedNotice({ handle }: { handle: string }) {
  const showToast = useToast();
  const revalidator = useRevalidator();
  const [isPending, setIsPending] = useState(false);
  const unblock = async () => {
    setIsPending(true);
    try {
      await setBlocked(handle, false);
      showToast(`@${handle} unblocked`);
      await revalidator.revalidate();
    } catch (error) {
      showToast(describeProblem(error));
      setIsPending(false);
    }
  };
  return (
    <>
      <PageHeader title={`@${handle}`} isTitleHeading={false} />
      <EmptyState
        icon="block"
        title={`You blocked @${handle}`}
        headingLevel={1}
        action={
          <>
            <Button variant="secondary" isPending={isPending} onClick={() => void unblock()}>
              Unblock
            </Button>
            <ButtonLink to="/">Go home</ButtonLink>
          </>
        }
      >
        You won’t see each other’s profiles, videos or comments.
      </EmptyState>
    </>
  );
}

function NoSuchAccount({ handle }: { handle: string }) {
  const { account } = useSession();
  return (
    <>
      <PageHeader title="Account not found" />
      <EmptyState
        icon="person"
        title="This account doesn’t exist"
        action={
          <>
            <ButtonLink to="/">Go home</ButtonLink>
            <ButtonLink to="/discover" variant="secondary">
              Discover creators
            </ButtonLink>
          </>
        }
      >
        Nobody on this server is called @{handle}. Check the spelling, or the account may have been
        deleted.
        {account && (
          <>
            {' '}
            If you blocked them, you can unblock them in{' '}
            <Link to="/settings#blocked-accounts">Settings</Link>.
          </>
        )}
      </EmptyState>
    </>
  );
}
