// A portrait video filling its frame (contained on black): muted autoplay, as browsers allow,
// with a visible "Unmute"; a tap anywhere pauses or plays; it loops; the poster shows until the
// first frame. Once a viewer unmutes, later videos in this tab start with sound where allowed.
import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '@shortwave/api-client';
import { Spinner } from '../../ui/Spinner';
import { SubtitlesTrack } from '../player/SubtitlesTrack';
import { attachStream } from './attachStream';
import { PlayerIcon } from './PlayerIcon';
import styles from './WatchPage.module.css';

let prefersSound = false;

export function VideoPlayer({
  playlistUrl,
  posterUrl,
  subtitles,
  label,
}: {
  playlistUrl: string;
  posterUrl: string | null;
  subtitles: Schemas['Video']['subtitles'];
  /** What the video is, for screen readers ("Video by @ana: First light"). */
  label: string;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [isMuted, setIsMuted] = useState(!prefersSound);
  /** Paused by the viewer, or autoplay was refused: the big play sign shows. */
  const [isPaused, setIsPaused] = useState(false);
  const [isWaiting, setIsWaiting] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return undefined;
    const abort = new AbortController();
    let detach = () => {};
    // React does not keep the `muted` attribute in sync; the property is what autoplay reads.
    video.muted = !prefersSound;
    setError(null);
    setIsWaiting(true);
    void attachStream(video, playlistUrl, setError, abort.signal).then((stop) => {
      if (abort.signal.aborted) {
        stop();
        return;
      }
      detach = stop;
      void startPlaying(video, () => setIsPaused(true));
    });
    return () => {
      abort.abort();
      detach();
    };
  }, [playlistUrl, attempt]);

  const togglePlay = () => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) void startPlaying(video, () => setIsPaused(true));
    else video.pause();
  };

  const toggleSound = () => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = !video.muted;
    prefersSound = !video.muted;
    if (!video.muted && video.paused) void startPlaying(video, () => setIsPaused(true));
  };

  return (
    <div className={styles.player}>
      <video
        ref={videoRef}
        className={styles.video}
        poster={posterUrl ?? undefined}
        aria-label={label}
        autoPlay
        loop
        playsInline
        preload="auto"
        onPlay={() => setIsPaused(false)}
        onPause={() => setIsPaused(true)}
        onWaiting={() => setIsWaiting(true)}
        onPlaying={() => setIsWaiting(false)}
        onVolumeChange={(event) => setIsMuted(event.currentTarget.muted)}
      >
        <SubtitlesTrack subtitles={subtitles} />
      </video>
      <button
        type="button"
        className={styles.tapTarget}
        onClick={togglePlay}
        aria-label={isPaused ? 'Play' : 'Pause'}
      />
      {isPaused && !error && (
        <span className={styles.bigPlay} aria-hidden="true">
          <PlayerIcon name="play" size={64} isFilled />
        </span>
      )}
      {isWaiting && !isPaused && !error && (
        <span className={styles.centre} aria-hidden="true">
          <Spinner size={40} />
        </span>
      )}
      <button
        type="button"
        className={isMuted ? styles.unmute : styles.roundButton}
        onClick={toggleSound}
      >
        <PlayerIcon name={isMuted ? 'soundOff' : 'soundOn'} size={20} />
        {isMuted ? 'Unmute' : <span className="visually-hidden">Mute</span>}
      </button>
      {error && (
        <div className={styles.playerError} role="alert">
          <p>{error}</p>
          <button
            type="button"
            className={styles.unmute}
            onClick={() => setAttempt((count) => count + 1)}
          >
            Try again
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * play(), keeping to what the browser allows: with sound refused (no gesture yet), muted; with
 * playback refused altogether, `onRefused` (the viewer taps to start).
 */
async function startPlaying(video: HTMLVideoElement, onRefused: () => void) {
  try {
    await video.play();
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== 'NotAllowedError') return;
    if (!video.muted) {
      video.muted = true;
      return startPlaying(video, onRefused);
    }
    onRefused();
  }
}
