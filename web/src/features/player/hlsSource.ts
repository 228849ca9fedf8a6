// Puts an HLS playlist into a <video>: hls.js where Media Source Extensions exist, the browser's
// own HLS (Safari on iPhone) otherwise. A source is "warm" (only the first segment buffered: the
// next videos of a feed) or "playing" (a normal buffer); destroying it frees the decoder and
// every buffered byte.
import type Hls from 'hls.js';

export type Warmth = 'warm' | 'playing';

export type AttachedSource = {
  setWarmth(warmth: Warmth): void;
  destroy(): void;
};

export type HlsClass = typeof Hls;

let hlsLoading: Promise<HlsClass> | null = null;

/** hls.js, imported once on demand (it is most of the app's JavaScript). */
export function loadHls(): Promise<HlsClass> {
  hlsLoading ??= import('hls.js').then((module) => module.default);
  return hlsLoading;
}

// Seconds of media to keep ahead of the playhead. A warm video loads its first segment (and the
// playlists) so it starts at once when swiped to, and no more: most are never watched.
const BUFFER_AHEAD_SECONDS: Record<Warmth, number> = { warm: 1, playing: 12 };

function canPlayHlsNatively(video: HTMLVideoElement): boolean {
  return video.canPlayType('application/vnd.apple.mpegurl') !== '';
}

/** A plain `src` the element plays by itself; leaving removes it (only if still its own). */
export function attachUrl(video: HTMLVideoElement, url: string): AttachedSource {
  video.preload = 'auto';
  video.src = url;
  return {
    setWarmth() {},
    destroy() {
      if (video.getAttribute('src') !== url) return;
      video.removeAttribute('src');
      video.load();
    },
  };
}

export function attachHls(
  HlsClass: HlsClass,
  video: HTMLVideoElement,
  playlistUrl: string,
  warmth: Warmth,
  onFatalError: () => void,
): AttachedSource {
  if (!HlsClass.isSupported() && canPlayHlsNatively(video)) return attachUrl(video, playlistUrl);
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
