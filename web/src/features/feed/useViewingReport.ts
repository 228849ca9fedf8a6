// Watches how the current video of a feed is watched and reports it: the public view count once
// the minimum watch is reached, and For You's viewing events (impression, play, completion and
// replays as the loop comes round, then on leaving: how much was watched, or a quick skip).
import { useEffect } from 'react';
import type { Schemas } from '@shortwave/api-client';
import { minimumWatchMs, recordView } from './engagement.api';
import { onPageHide, recordViewingEvent } from './viewingEvents';

/** Leaving sooner than this, having watched under half, is a quick skip. */
const QUICK_SKIP_MS = 2000;

export function useViewingReport(
  videoRef: { current: HTMLVideoElement | null },
  video: Schemas['ListedVideo'],
  isCurrent: boolean,
) {
  useEffect(() => {
    const element = videoRef.current;
    if (!isCurrent || !element) return;
    const becameCurrentAt = performance.now();
    const durationMs = video.durationMs ?? 0;
    const neededForView = minimumWatchMs(video.durationMs);
    let watchedMs = 0;
    let lastTime = element.currentTime;
    let isViewReported = false;
    let hasPlayed = false;
    let loops = 0;
    let isProgressReported = false;
    recordViewingEvent('impression', video.id);

    const onPlaying = () => {
      if (hasPlayed) return;
      hasPlayed = true;
      recordViewingEvent('play', video.id);
    };
    const onTimeUpdate = () => {
      const time = element.currentTime;
      const step = time - lastTime;
      const hasLooped = step < -0.5 && durationMs > 0 && lastTime * 1000 >= durationMs * 0.8;
      lastTime = time;
      // A seek is not watching; the loop coming round is a completion, then replays.
      if (step > 0 && step < 1.5) watchedMs += step * 1000;
      if (hasLooped) {
        loops += 1;
        recordViewingEvent(loops === 1 ? 'completion' : 'replay', video.id);
      }
      if (!isViewReported && watchedMs >= neededForView) {
        isViewReported = true;
        recordView(video.id, watchedMs).catch(() => undefined);
      }
    };
    /** Once, when the viewer moves on or the page goes away. */
    const reportProgress = () => {
      if (isProgressReported) return;
      isProgressReported = true;
      const stayedMs = performance.now() - becameCurrentAt;
      if (loops > 0) return;
      if (stayedMs < QUICK_SKIP_MS && watchedMs < durationMs / 2) {
        recordViewingEvent('quick-skip', video.id);
      } else if (watchedMs > 0) {
        recordViewingEvent('watch-progress', video.id, { watchedMs });
      }
    };
    element.addEventListener('playing', onPlaying);
    element.addEventListener('timeupdate', onTimeUpdate);
    const stopWaitingForPageHide = onPageHide(reportProgress);
    return () => {
      element.removeEventListener('playing', onPlaying);
      element.removeEventListener('timeupdate', onTimeUpdate);
      stopWaitingForPageHide();
      reportProgress();
    };
  }, [videoRef, video.id, video.durationMs, isCurrent]);
}
