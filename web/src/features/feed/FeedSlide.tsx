// One video of the feed, filling the screen: the player, a tap to pause, a double tap to like
// (with a heart where the finger was), the side rail, the caption and the progress bar. It
// reports how it is watched (useViewingReport) and what the viewer does to it, For You learning
// from both.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Schemas } from '@shortwave/api-client';
import { useSession } from '../../api/useSession';
import { describeProblem } from '../../api/problems';
import { useToast } from '../../ui/Toast';
import { usePlayback, type PlaybackRole } from '../player/usePlayback';
import { soundPreference, useIsMuted } from '../player/soundPreference';
import { SubtitlesTrack } from '../player/SubtitlesTrack';
import { Caption } from './Caption';
import { recordShare, setLiked, setSaved } from './engagement.api';
import type { FeedVideo } from './feed.api';
import { FeedIcon } from './FeedIcons';
import { follow, useFollowStatus } from './followStatus';
import { ProgressBar } from './ProgressBar';
import { SideRail } from './SideRail';
import { useViewingReport } from './useViewingReport';
import { recordViewingEvent } from './viewingEvents';
import styles from './FeedSlide.module.css';

const DOUBLE_TAP_MS = 300;

type Heart = { id: number; x: number; y: number };

export type SlideCommands = { togglePaused: () => void };

export function FeedSlide({
  feedVideo,
  role,
  commentCount,
  onOpenComments,
  onOpenWhy,
  commandsRef,
}: {
  feedVideo: FeedVideo;
  role: PlaybackRole;
  commentCount: number;
  onOpenComments: (video: Schemas['ListedVideo']) => void;
  onOpenWhy: (feedVideo: FeedVideo) => void;
  /** Filled while this is the current video, for the feed's keyboard shortcuts. */
  commandsRef: { current: SlideCommands | null };
}) {
  const { video } = feedVideo;
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const showToast = useToast();
  const videoRef = useRef<HTMLVideoElement>(null);
  const isCurrent = role === 'current';
  const playback = usePlayback(videoRef, video, role);
  const isMuted = useIsMuted();
  const [stats, setStats] = useState(video.stats);
  const [viewerState, setViewerState] = useState(video.viewerState);
  const [hearts, setHearts] = useState<Heart[]>([]);
  const lastTap = useRef<{ at: number; timer: number } | null>(null);
  const isOwnVideo = session.account?.id === video.creator.id;
  const canFollow = session.status === 'signed-in' && !isOwnVideo;
  const followStatus = useFollowStatus(video.creator.handle, canFollow && role !== 'away');

  const { togglePaused } = playback;
  useEffect(() => {
    if (!isCurrent) return;
    const commands = { togglePaused };
    commandsRef.current = commands;
    return () => {
      if (commandsRef.current === commands) commandsRef.current = null;
    };
  }, [isCurrent, togglePaused, commandsRef]);

  useViewingReport(videoRef, video, isCurrent);
  const learn = (kind: 'like' | 'save' | 'share' | 'follow-from-video') =>
    recordViewingEvent(kind, video.id);

  const askToLogIn = () => {
    void navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
  };

  const changeLike = async (isLiked: boolean) => {
    if (session.status !== 'signed-in') return askToLogIn();
    if (viewerState.hasLiked === isLiked) return;
    setViewerState((state) => ({ ...state, hasLiked: isLiked }));
    setStats((current) => ({ ...current, likeCount: current.likeCount + (isLiked ? 1 : -1) }));
    try {
      const engagement = await setLiked(video.id, isLiked);
      setStats(engagement.stats);
      setViewerState(engagement.viewerState);
      if (isLiked) learn('like');
    } catch (error) {
      setViewerState((state) => ({ ...state, hasLiked: !isLiked }));
      setStats((current) => ({ ...current, likeCount: current.likeCount + (isLiked ? -1 : 1) }));
      showToast(describeProblem(error));
    }
  };

  const changeSave = async () => {
    if (session.status !== 'signed-in') return askToLogIn();
    const isSaved = !viewerState.hasSaved;
    setViewerState((state) => ({ ...state, hasSaved: isSaved }));
    try {
      const engagement = await setSaved(video.id, isSaved);
      setStats(engagement.stats);
      setViewerState(engagement.viewerState);
      if (isSaved) learn('save');
      showToast(isSaved ? 'Saved to your favourites.' : 'Removed from your favourites.');
    } catch (error) {
      setViewerState((state) => ({ ...state, hasSaved: !isSaved }));
      showToast(describeProblem(error));
    }
  };

  const share = async () => {
    try {
      const result = await recordShare(video.id);
      setStats((current) => ({ ...current, shareCount: result.shareCount }));
      learn('share');
      const url = new URL(result.url, window.location.origin).href;
      if (typeof navigator.share === 'function') {
        await navigator
          .share({ url, title: `@${video.creator.handle} on Shortwave` })
          .catch((error: unknown) => {
            if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
          });
      } else {
        await navigator.clipboard.writeText(url);
        showToast('Link copied to the clipboard.');
      }
    } catch (error) {
      showToast(
        error instanceof DOMException ? 'Could not share this video.' : describeProblem(error),
      );
    }
  };

  const followCreator = async () => {
    try {
      const status = await follow(video.creator.handle);
      learn('follow-from-video');
      showToast(
        status === 'requested'
          ? `Follow request sent to @${video.creator.handle}.`
          : `Following @${video.creator.handle}.`,
      );
    } catch (error) {
      showToast(describeProblem(error));
    }
  };

  const tap = (event: MouseEvent<HTMLDivElement>) => {
    const previous = lastTap.current;
    const now = performance.now();
    if (previous && now - previous.at < DOUBLE_TAP_MS) {
      window.clearTimeout(previous.timer);
      lastTap.current = null;
      const box = event.currentTarget.getBoundingClientRect();
      const heart = { id: now, x: event.clientX - box.left, y: event.clientY - box.top };
      setHearts((current) => [...current.slice(-3), heart]);
      window.setTimeout(() => setHearts((current) => current.filter((h) => h !== heart)), 800);
      void changeLike(true);
      return;
    }
    const timer = window.setTimeout(() => {
      lastTap.current = null;
      togglePaused();
    }, DOUBLE_TAP_MS);
    lastTap.current = { at: now, timer };
  };

  return (
    <article
      className={styles.slide}
      aria-label={`Video by @${video.creator.handle}`}
      aria-current={isCurrent ? 'true' : undefined}
      data-video-id={video.id}
    >
      {role !== 'away' ? (
        <video
          ref={videoRef}
          className={styles.video}
          style={fitOf(video)}
          poster={video.posterUrl ?? undefined}
          muted={isMuted}
          loop
          playsInline
          disablePictureInPicture
          aria-hidden="true"
        >
          <SubtitlesTrack subtitles={video.subtitles} />
        </video>
      ) : (
        video.posterUrl && (
          <img className={styles.video} style={fitOf(video)} src={video.posterUrl} alt="" />
        )
      )}
      <div className={styles.tapLayer} onClick={tap} aria-hidden="true" />
      {playback.isPaused && (
        <span className={styles.pausedMark} aria-hidden="true">
          <FeedIcon name="play" size={64} />
        </span>
      )}
      {playback.hasFailed && <p className={styles.failed}>This video can’t play right now.</p>}
      {hearts.map((heart) => (
        <span
          key={heart.id}
          className={styles.heart}
          style={{ left: heart.x, top: heart.y }}
          aria-hidden="true"
        >
          <FeedIcon name="heart" size={96} />
        </span>
      ))}
      <div className={styles.playerButtons}>
        <button
          type="button"
          className={styles.playerButton}
          onClick={togglePaused}
          tabIndex={isCurrent ? 0 : -1}
        >
          <FeedIcon name={playback.isPaused ? 'play' : 'pause'} size={20} />
          <span className="visually-hidden">{playback.isPaused ? 'Play' : 'Pause'}</span>
        </button>
        <button
          type="button"
          className={styles.playerButton}
          onClick={() => soundPreference.setMuted(!isMuted)}
          tabIndex={isCurrent ? 0 : -1}
        >
          <FeedIcon name={isMuted ? 'soundOff' : 'soundOn'} size={20} />
          <span className="visually-hidden">{isMuted ? 'Unmute' : 'Mute'}</span>
        </button>
      </div>
      <SideRail
        video={video}
        stats={{ ...stats, commentCount }}
        viewerState={viewerState}
        followStatus={followStatus}
        canFollow={canFollow}
        onFollow={() => void followCreator()}
        onLike={() => void changeLike(!viewerState.hasLiked)}
        onComments={() => onOpenComments(video)}
        onSave={() => void changeSave()}
        onShare={() => void share()}
        onWhy={() => onOpenWhy(feedVideo)}
      />
      <Caption video={video} />
      <ProgressBar videoRef={videoRef} isCurrent={isCurrent} />
    </article>
  );
}

/** Portrait videos fill the screen (a phone's own shape, edges cropped); others fit inside it. */
function fitOf(video: Schemas['ListedVideo']) {
  const isPortrait = (video.height ?? 0) > (video.width ?? 0);
  return { objectFit: isPortrait ? 'cover' : 'contain' } as const;
}
