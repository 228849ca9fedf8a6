// Plays an HLS master playlist in a <video>: through hls.js where Media Source Extensions exist
// (Chrome, Firefox, Edge, iPadOS/iOS 17.1+ Managed Media Source), else the browser's own HLS
// (older Safari on iPhone). hls.js is fetched here, on first use, so it stays out of the first
// download.
import type HlsPlayer from 'hls.js';

/** Stops loading and frees the element. */
export type Detach = () => void;

/** Attaches unless `signal` aborts first (the page moved on while hls.js was downloading). */
export async function attachStream(
  video: HTMLVideoElement,
  playlistUrl: string,
  onFatalError: (message: string) => void,
  signal: AbortSignal,
): Promise<Detach> {
  let Hls: typeof HlsPlayer;
  try {
    Hls = (await import('hls.js')).default;
  } catch {
    if (!signal.aborted)
      onFatalError('The player could not be loaded. Check your connection and try again.');
    return () => {};
  }
  if (signal.aborted) return () => {};

  if (Hls.isSupported()) {
    // startPosition 0: a video still processing has a growing (EVENT) playlist, which hls.js
    // would otherwise join at its live edge, seconds in.
    const hls = new Hls({ capLevelToPlayerSize: true, startPosition: 0 });
    let hasTriedRecovery = false;
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      // A decode hiccup often clears after one media recovery (hls.js's documented remedy).
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !hasTriedRecovery) {
        hasTriedRecovery = true;
        hls.recoverMediaError();
        return;
      }
      onFatalError(
        data.type === Hls.ErrorTypes.NETWORK_ERROR
          ? 'The video could not be loaded. Check your connection and try again.'
          : 'This video could not be played.',
      );
    });
    hls.loadSource(playlistUrl);
    hls.attachMedia(video);
    return () => hls.destroy();
  }

  if (video.canPlayType('application/vnd.apple.mpegurl')) {
    const onError = () => onFatalError('This video could not be played.');
    video.addEventListener('error', onError);
    video.src = playlistUrl;
    return () => {
      video.removeEventListener('error', onError);
      video.removeAttribute('src');
      video.load();
    };
  }

  onFatalError('This browser cannot play these videos. Try a current Chrome, Firefox or Safari.');
  return () => {};
}
