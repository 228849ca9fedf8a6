// /@handle: a creator's avatar, names, bio and (soon) their videos. Your own profile has
// "Edit profile" and a way to Settings.
import type { Schemas } from '@shortwave/api-client';
import { useLoaderData } from 'react-router';
import { useSession } from '../../api/useSession';
import { Avatar } from '../../ui/Avatar';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { IconLink } from '../../ui/IconLink';
import { PageHeader } from '../../ui/PageHeader';
import type { ProfilePageData } from './profile.loader';
import styles from './ProfilePage.module.css';
import { VideoGrid } from './VideoGrid';

export function ProfilePage() {
  const data = useLoaderData<ProfilePageData>();
  switch (data.kind) {
    case 'profile':
      return <Profile profile={data.profile} />;
    case 'no-such-account':
      return <NoSuchAccount handle={data.handle} />;
  }
}

function Profile({ profile }: { profile: Schemas['Profile'] }) {
  const { account } = useSession();
  const isOwn = account?.id === profile.id;
  // Right after an edit the session already holds the newer version of your own profile.
  const shown = isOwn && account ? account : profile;
  const joinedAt = new Date(shown.createdAt).toLocaleDateString(undefined, {
    month: 'long',
    year: 'numeric',
  });
  return (
    <>
      <PageHeader
        title={`@${shown.handle}`}
        isTitleHeading={false}
        documentTitle={`${shown.displayName} (@${shown.handle})`}
        action={isOwn ? <IconLink to="/settings" icon="settings" label="Settings" /> : undefined}
      />
      <section className={styles.profile} aria-label="Profile">
        <Avatar src={shown.avatarUrl} name={shown.displayName} size={96} alt="Profile photo" />
        <h1 className={styles.name}>{shown.displayName}</h1>
        {isOwn && (
          <ButtonLink to="/profile/edit" variant="secondary" className={styles.edit}>
            Edit profile
          </ButtonLink>
        )}
        {shown.bio ? (
          <p className={styles.bio}>{shown.bio}</p>
        ) : isOwn ? (
          <p className={styles.noBio}>No bio yet. Tell viewers what your videos are about.</p>
        ) : null}
        <p className={styles.joined}>Joined {joinedAt}</p>
      </section>
      <VideoGrid isOwn={isOwn} />
    </>
  );
}

function NoSuchAccount({ handle }: { handle: string }) {
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
      </EmptyState>
    </>
  );
}
