// Puts an HLS playlist into a <video>: hls.js (fetched on first use, so it stays out of the first
// download) where Media Source Extensions exist, the browser's own HLS (Safari on iPhone)
// otherwise. A source is "warm" (only the first segment buffered: the next videos of a feed) or
// "playing" (a normal buffer); destroying it frees the decoder and every buffered byte.
import type Hls from 'hls.js';

export type Warmth = 'warm' | 'playing';

export type AttachedSource = {
  setWarmth(warmth: Warmth): void;
  destroy(): void;
};

let hlsLoading: Promise<typeof Hls> | null = null;

/** hls.js, imported once on demand. */
export function loadHls(): Promise<typeof Hls> {
  hlsLoading ??= import('hls.js').then((module) => module.default);
  return hlsLoading;
}

// Seconds of media to keep ahead of the playhead. A warm video loads its first segment (and the
// playlists) so it starts at once when swiped to, and no more: most are never watched.
const BUFFER_AHEAD_SECONDS: Record<Warmth, number> = { warm: 1, playing: 12 };

function canPlayHlsNatively(video: HTMLVideoElement): boolean {
  return video.canPlayType('application/vnd.apple.mpegurl') !== '';
}

/**
 * Resolves to null, touching nothing, when `signal` aborted while hls.js was loading: by then
 * another source may own the element.
 */
export async function attachSource(
  video: HTMLVideoElement,
  playlistUrl: string,
  warmth: Warmth,
  onFatalError: () => void,
  signal: AbortSignal,
): Promise<AttachedSource | null> {
  const HlsClass = await loadHls();
  if (signal.aborted) return null;
  if (!HlsClass.isSupported() && canPlayHlsNatively(video)) {
    video.preload = 'auto';
    video.src = playlistUrl;
    return {
      setWarmth() {},
      destroy() {
        if (video.getAttribute('src') !== playlistUrl) return;
        video.removeAttribute('src');
        video.load();
      },
    };
  }
  const hls = new HlsClass({
    // Lowest rendition first: the picture appears at once, then ABR climbs.
    startLevel: 0,
    capLevelToPlayerSize: true,
    maxBufferLength: BUFFER_AHEAD_SECONDS[warmth],
    maxMaxBufferLength: 30,
    backBufferLength: 10,
    maxBufferSize: 8 * 1000 * 1000,
    autoStartLoad: true,
  });
  let recoveries = 0;
  hls.on(HlsClass.Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    recoveries += 1;
    if (recoveries > 3) {
      onFatalError();
      return;
    }
    if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR) hls.startLoad();
    else if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
    else onFatalError();
  });
  hls.loadSource(playlistUrl);
  hls.attachMedia(video);
  return {
    setWarmth(next) {
      // hls.js reads its config on every buffer check, so this takes effect on the next tick.
      hls.config.maxBufferLength = BUFFER_AHEAD_SECONDS[next];
    },
    destroy() {
      // Detaches the media too: hls.js empties the element's src (only if still its own) and
      // frees the decoder and buffers.
      hls.destroy();
    },
  };
}
