// The creator's videos in a three-column grid. Videos arrive in a later release; until then the
// grid says what will be here.
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import styles from './ProfilePage.module.css';

export function VideoGrid({ isOwn }: { isOwn: boolean }) {
  return (
    <section className={styles.videos} aria-labelledby="profile-videos">
      <h2 id="profile-videos" className={styles.videosTab}>
        Videos
      </h2>
      <EmptyState
        icon="video"
        title={isOwn ? 'Share your first video' : 'No videos yet'}
        action={isOwn ? <ButtonLink to="/upload">Upload</ButtonLink> : undefined}
      >
        {isOwn ? 'Your videos will appear here.' : 'Videos this creator posts will appear here.'}
      </EmptyState>
    </section>
  );
}
