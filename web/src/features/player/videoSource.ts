// Which source a feed video plays from. The first video of the page starts from its single-file
// MP4 (a plain <video src>: nothing to download before the picture but the video), and hls.js,
// most of the app's JavaScript, is fetched once that video has shown a frame. Every other video,
// and that one the next time it attaches, plays through hls.js with adaptive bitrate.
import {
  attachHls,
  attachUrl,
  loadHls,
  type AttachedSource,
  type HlsClass,
  type Warmth,
} from './hlsSource';
import { onNextFrame } from './nextFrame';

export type VideoSources = { playlistUrl: string; progressiveUrl: string | null };

/** A first video that neither plays nor fails in this long no longer holds hls.js back. */
const GATE_TIMEOUT_MS = 3000;

let isFirstVideoStarted = false;
let openGate = () => {};
const gate = new Promise<void>((resolve) => (openGate = resolve));

/** hls.js, once the first video has a frame (or at once for a video that must start now). */
async function loadHlsWhenDue(startsNow: boolean): Promise<HlsClass> {
  if (startsNow) openGate();
  await gate;
  return loadHls();
}

/** The page's first video: its MP4 now, and hls.js in its place should the MP4 fail. */
function attachFirstVideo(
  video: HTMLVideoElement,
  sources: VideoSources & { progressiveUrl: string },
  onFatalError: () => void,
): AttachedSource {
  let current = attachUrl(video, sources.progressiveUrl);
  let isDestroyed = false;
  onNextFrame(video, openGate);
  const timer = setTimeout(openGate, GATE_TIMEOUT_MS);
  const onError = () => {
    openGate();
    current.destroy();
    loadHls().then((HlsClass) => {
      if (isDestroyed) return;
      current = attachHls(HlsClass, video, sources.playlistUrl, 'playing', onFatalError);
      void video.play().catch(() => undefined);
    }, onFatalError);
  };
  video.addEventListener('error', onError, { once: true });
  return {
    setWarmth: (warmth) => current.setWarmth(warmth),
    destroy() {
      isDestroyed = true;
      clearTimeout(timer);
      video.removeEventListener('error', onError);
      current.destroy();
    },
  };
}

/**
 * Resolves to null, touching nothing, when `signal` aborted while hls.js was loading: by then
 * another source may own the element. `startsNow`: the video is the one on screen.
 */
export async function attachSource(
  video: HTMLVideoElement,
  sources: VideoSources,
  options: { warmth: Warmth; startsNow: boolean },
  onFatalError: () => void,
  signal: AbortSignal,
): Promise<AttachedSource | null> {
  const { progressiveUrl } = sources;
  if (options.startsNow && !isFirstVideoStarted && progressiveUrl) {
    isFirstVideoStarted = true;
    return attachFirstVideo(video, { ...sources, progressiveUrl }, onFatalError);
  }
  isFirstVideoStarted ||= options.startsNow;
  const HlsClass = await loadHlsWhenDue(options.startsNow);
  if (signal.aborted) return null;
  return attachHls(HlsClass, video, sources.playlistUrl, options.warmth, onFatalError);
}
