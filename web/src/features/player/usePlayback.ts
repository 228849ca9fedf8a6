// The playback of one video in a feed window: attached (see videoSource) while it is the current
// video or one of its neighbours, primed while a neighbour (see primePlayback), playing only while
// current and not paused by the viewer, detached and freed once it leaves the window. Muting
// follows the viewer's sound preference.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { AttachedSource } from './hlsSource';
import { primePlayback } from './primePlayback';
import { attachSource, type VideoSources } from './videoSource';
import { soundPreference, useIsMuted } from './soundPreference';

export type PlaybackRole = 'current' | 'neighbour' | 'away';

export type Playback = {
  isPaused: boolean;
  hasFailed: boolean;
  /** Pause or resume at the viewer's request (a tap, Space). */
  togglePaused: () => void;
};

export function usePlayback(
  videoRef: RefObject<HTMLVideoElement | null>,
  sources: { playlistUrl: string | null; progressiveUrl: string | null },
  role: PlaybackRole,
): Playback {
  const { playlistUrl, progressiveUrl } = sources;
  const isMuted = useIsMuted();
  const [isPausedByViewer, setPausedByViewer] = useState(false);
  const [hasFailed, setFailed] = useState(false);
  const [attachCount, setAttachCount] = useState(0);
  const sourceRef = useRef<AttachedSource | null>(null);
  const isPrimedRef = useRef(false);
  const isAttached = role !== 'away' && playlistUrl !== null;
  const isCurrent = role === 'current';
  // Read when attaching, not a reason to attach again.
  const isCurrentRef = useRef(isCurrent);
  isCurrentRef.current = isCurrent;

  useEffect(() => {
    const video = videoRef.current;
    if (!isAttached || !video || !playlistUrl) return;
    const abort = new AbortController();
    let source: AttachedSource | null = null;
    const videoSources: VideoSources = { playlistUrl, progressiveUrl };
    const options = { warmth: 'warm' as const, startsNow: isCurrentRef.current };
    attachSource(video, videoSources, options, () => setFailed(true), abort.signal).then(
      (attached) => {
        if (!attached) return;
        // Cleaned up between the attach and this callback: hls.js only empties the element if
        // it still holds this source's own media, so a newer source is left alone.
        if (abort.signal.aborted) {
          attached.destroy();
          return;
        }
        source = attached;
        sourceRef.current = attached;
        isPrimedRef.current = false;
        setAttachCount((count) => count + 1);
      },
      () => setFailed(true),
    );
    return () => {
      abort.abort();
      source?.destroy();
      sourceRef.current = null;
    };
  }, [videoRef, playlistUrl, progressiveUrl, isAttached]);

  // A video swiped away and back starts unpaused, as in every short-video app.
  useEffect(() => {
    if (!isCurrent) setPausedByViewer(false);
  }, [isCurrent]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = isMuted;
    sourceRef.current?.setWarmth(isCurrent ? 'playing' : 'warm');
    if (!isCurrent && attachCount > 0 && !isPrimedRef.current)
      return primePlayback(video, () => (isPrimedRef.current = true));
    if (!isCurrent || isPausedByViewer || attachCount === 0) {
      video.pause();
      return;
    }
    isPrimedRef.current = true;
    video.play().catch((error: unknown) => {
      // Sound remembered from a past visit, but this page has had no tap yet: browsers refuse
      // audible autoplay, so play silently and let the mute button offer the sound again.
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !video.muted) {
        soundPreference.muteForNow();
      }
    });
  }, [videoRef, isCurrent, isPausedByViewer, isMuted, attachCount]);

  return {
    isPaused: isPausedByViewer,
    hasFailed,
    togglePaused: () => setPausedByViewer((paused) => !paused),
  };
}
