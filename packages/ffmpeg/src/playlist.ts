// HLS playlists (RFC 8216): the master playlist Shortwave writes itself, so renditions join it as
// they become ready, and a reader of the media playlists ffmpeg writes, to know when a
// rendition's first segment is listed and when it has ended. Pure.

export type MasterPlaylistEntry = {
  /** Media playlist URI relative to the master, e.g. "720p/index.m3u8". */
  uri: string;
  /** §4.3.4.2: peak segment bitrate, bits per second. */
  bandwidthBps: number;
  averageBandwidthBps?: number | undefined;
  width: number;
  height: number;
  /** RFC 6381 codecs, e.g. "avc1.640028,mp4a.40.2". */
  codecs: string;
  frameRate: number;
};

/**
 * RFC 8216 §4.3.4.2 EXT-X-STREAM-INF per rendition, in the order given (players that ignore
 * BANDWIDTH start with the first). Version 7: fMP4 segments (§3.3) need EXT-X-MAP in media
 * playlists; EXT-X-INDEPENDENT-SEGMENTS (§4.3.5.1) because every segment starts with an IDR frame.
 */
export function buildMasterPlaylist(entries: readonly MasterPlaylistEntry[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const entry of entries) {
    const attributes = [
      `BANDWIDTH=${Math.round(entry.bandwidthBps)}`,
      ...(entry.averageBandwidthBps === undefined
        ? []
        : [`AVERAGE-BANDWIDTH=${Math.round(entry.averageBandwidthBps)}`]),
      `RESOLUTION=${entry.width}x${entry.height}`,
      `CODECS="${entry.codecs}"`,
      // §4.3.4.2: decimal-floating-point, rounded to three decimal places.
      `FRAME-RATE=${entry.frameRate.toFixed(3)}`,
    ];
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, entry.uri);
  }
  return `${lines.join('\n')}\n`;
}

export type MediaSegment = { uri: string; durationSeconds: number };

export type MediaPlaylist = {
  version: number | null;
  targetDurationSeconds: number | null;
  playlistType: 'EVENT' | 'VOD' | null;
  /** §4.3.2.5 EXT-X-MAP: the fMP4 init section. */
  initUri: string | null;
  segments: MediaSegment[];
  /** §4.3.3.4 EXT-X-ENDLIST: no segment will be added. */
  hasEnded: boolean;
  hasIndependentSegments: boolean;
};

/**
 * Reads a media playlist that may be caught mid-write (ffmpeg 4.1 rewrites it in place): only
 * lines ending in a newline count, and a segment only once its URI line is complete.
 */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const playlist: MediaPlaylist = {
    version: null,
    targetDurationSeconds: null,
    playlistType: null,
    initUri: null,
    segments: [],
    hasEnded: false,
    hasIndependentSegments: false,
  };
  let pendingDuration: number | null = null;
  for (const rawLine of complete.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (!line.startsWith('#')) {
      if (pendingDuration !== null)
        playlist.segments.push({ uri: line, durationSeconds: pendingDuration });
      pendingDuration = null;
      continue;
    }
    const [tag, value = ''] = splitTag(line);
    switch (tag) {
      case '#EXTINF':
        pendingDuration = Number.parseFloat(value.split(',')[0] ?? '');
        if (!Number.isFinite(pendingDuration)) pendingDuration = null;
        break;
      case '#EXT-X-VERSION':
        playlist.version = Number.parseInt(value, 10);
        break;
      case '#EXT-X-TARGETDURATION':
        playlist.targetDurationSeconds = Number.parseInt(value, 10);
        break;
      case '#EXT-X-PLAYLIST-TYPE':
        playlist.playlistType = value === 'EVENT' || value === 'VOD' ? value : null;
        break;
      case '#EXT-X-MAP':
        playlist.initUri = /URI="([^"]*)"/.exec(value)?.[1] ?? null;
        break;
      case '#EXT-X-ENDLIST':
        playlist.hasEnded = true;
        break;
      case '#EXT-X-INDEPENDENT-SEGMENTS':
        playlist.hasIndependentSegments = true;
        break;
      default:
        break;
    }
  }
  return playlist;
}

function splitTag(line: string): [string, string?] {
  const colon = line.indexOf(':');
  return colon < 0 ? [line] : [line.slice(0, colon), line.slice(colon + 1)];
}

export type RenditionBandwidth = { peakBps: number; averageBps: number };

/**
 * §4.3.4.2 from the files themselves: BANDWIDTH is the largest segment bitrate, AVERAGE-BANDWIDTH
 * the whole rendition's. Each segment's size should include its share of nothing else: the init
 * section is fetched once and not counted.
 */
export function measureRenditionBandwidth(
  segments: readonly { durationSeconds: number; sizeBytes: number }[],
): RenditionBandwidth {
  let peakBps = 0;
  let totalBits = 0;
  let totalSeconds = 0;
  for (const segment of segments) {
    if (segment.durationSeconds <= 0) continue;
    const bits = segment.sizeBytes * 8;
    peakBps = Math.max(peakBps, bits / segment.durationSeconds);
    totalBits += bits;
    totalSeconds += segment.durationSeconds;
  }
  return {
    peakBps: Math.ceil(peakBps),
    averageBps: totalSeconds > 0 ? Math.ceil(totalBits / totalSeconds) : 0,
  };
}
