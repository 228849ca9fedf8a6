// A video's first play() makes its media pipeline start: in Chromium, about 110 ms before a new
// frame shows, against 15-30 ms for a video that has played before (measured here with
// requestVideoFrameCallback on warm hls.js players). So a feed's neighbour, once buffered, plays
// muted until one new frame is shown, off screen, and pauses there: a swipe to it then starts at
// once. The cost: a few frames decoded once per video, which then starts about 0.1 s in.
import { onNextFrame } from './nextFrame';

/** Starts priming `video`; the returned function stops it (pausing it if it is mid-prime). */
export function primePlayback(video: HTMLVideoElement, onPrimed: () => void): () => void {
  let state: 'waiting' | 'playing' | 'done' = 'waiting';
  const wasMuted = video.muted;
  const stop = () => {
    state = 'done';
    video.pause();
    video.muted = wasMuted;
    delete video.dataset.priming;
  };
  const finish = () => {
    if (state !== 'playing') return;
    stop();
    onPrimed();
  };
  const start = () => {
    if (state !== 'waiting' || !video.paused) return;
    state = 'playing';
    // Marked, so what looks for the one video playing can tell this one apart.
    video.dataset.priming = 'true';
    video.muted = true;
    onNextFrame(video, finish);
    video.play().catch(finish);
  };
  if (video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) start();
  else video.addEventListener('canplay', start, { once: true });
  return () => {
    video.removeEventListener('canplay', start);
    if (state === 'playing') stop();
    state = 'done';
  };
}
