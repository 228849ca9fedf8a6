// /v/:videoId: one video, full screen. A playable video plays (VideoPlayer); otherwise the page
// says why not: still processing (live progress for its creator), failed (the server's reason),
// never uploaded, not available to this viewer, or not allowed. `?embed=1` (oEmbed's iframe)
// shows the player alone.
import { Link, useLoaderData, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/useSession';
import { Avatar } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import { usePageTitle } from '../../ui/usePageTitle';
import type { Video } from '../upload/videos.api';
import { OwnerTools } from './OwnerTools';
import { VideoPlayer } from './VideoPlayer';
import { WatchComments } from './WatchComments';
import type { WatchPageData } from './watch.loader';
import { NotAllowed, Unavailable, VideoNotPlayable } from './WatchPageStates';
import styles from './WatchPage.module.css';

export function WatchPage() {
  const data = useLoaderData<WatchPageData>();
  switch (data.kind) {
    case 'video':
      // A new id is a new player: nothing of the last video's playback carries over.
      return data.video.playlistUrl ? (
        <WatchScreen key={data.video.id} video={data.video} playlistUrl={data.video.playlistUrl} />
      ) : (
        <VideoNotPlayable video={data.video} />
      );
    case 'unavailable':
      return <Unavailable videoId={data.videoId} />;
    case 'not-allowed':
      return <NotAllowed reason={data.reason} />;
  }
}

function describeVideo(video: Video): string {
  const caption = video.caption.replace(/\s+/g, ' ').trim();
  const shortCaption = caption.length > 80 ? `${caption.slice(0, 79)}…` : caption;
  return shortCaption
    ? `Video by @${video.creator.handle}: ${shortCaption}`
    : `Video by @${video.creator.handle}`;
}

function WatchScreen({ video, playlistUrl }: { video: Video; playlistUrl: string }) {
  const { account } = useSession();
  const [search] = useSearchParams();
  const isEmbed = search.get('embed') === '1';
  const isOwn = account?.id === video.creator.id;
  const title = describeVideo(video);
  usePageTitle(title);
  // In an embed, links open Shortwave in a new tab instead of inside the host's frame.
  const linkTarget = isEmbed ? { target: '_blank', rel: 'noopener' } : {};
  return (
    <div className={styles.screen}>
      <h1 className="visually-hidden">{title}</h1>
      <VideoPlayer
        playlistUrl={playlistUrl}
        posterUrl={video.posterUrl}
        subtitles={video.subtitles}
        label={title}
      />
      {!isEmbed && (
        <div className={styles.topBar}>
          <BackButton />
        </div>
      )}
      <div className={styles.info}>
        <Link to={`/@${video.creator.handle}`} className={styles.creator} {...linkTarget}>
          <Avatar src={video.creator.avatarUrl} name={video.creator.displayName} size={36} />
          <span className={styles.creatorName}>
            <span>{video.creator.displayName}</span>
            <span className={styles.handle}>@{video.creator.handle}</span>
          </span>
        </Link>
        {video.caption && <p className={styles.caption}>{video.caption}</p>}
        {video.state === 'processing' && (
          <p className={styles.notice}>Still processing: sharper versions are on the way.</p>
        )}
      </div>
      {!isEmbed && (
        <div className={styles.rail}>
          <WatchComments video={video} />
          {isOwn && <OwnerTools video={video} />}
        </div>
      )}
    </div>
  );
}

/** Back where you came from; home when this page was opened directly. */
function BackButton() {
  const navigate = useNavigate();
  const location = useLocation();
  // react-router gives the first entry of this visit the key "default".
  const canGoBack = location.key !== 'default';
  return (
    <button
      type="button"
      className={styles.roundButton}
      onClick={() => void (canGoBack ? navigate(-1) : navigate('/'))}
    >
      <Icon name="back" />
      <span className="visually-hidden">{canGoBack ? 'Back' : 'Home'}</span>
    </button>
  );
}
