// Publishes an HLS ladder while ffmpeg is still writing it: each rendition's init section and new
// segments go to the blob store first, then a playlist listing exactly those segments, so a player
// never sees a playlist naming a file that is not there yet (RFC 8216 §6.2.1). Renditions join
// the master playlist as their first segment lands.
import path from 'node:path';
import {
  buildMasterPlaylist,
  INIT_NAME,
  PLAYLIST_NAME,
  type LadderPlan,
  type MediaPlaylist,
  type RenditionUpdate,
} from '@shortwave/ffmpeg';
import type { BlobStore } from '../platform/blobs/index.js';
import type { RenditionRecord } from '../platform/db/index.js';

/** A media playlist listing what has been published, in ffmpeg's own layout (§4.3). */
export function renderMediaPlaylist(playlist: MediaPlaylist, initUri: string): string {
  const target =
    playlist.targetDurationSeconds ??
    Math.ceil(Math.max(1, ...playlist.segments.map((s) => s.durationSeconds)));
  const lines = [
    '#EXTM3U',
    `#EXT-X-VERSION:${playlist.version ?? 7}`,
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    `#EXT-X-PLAYLIST-TYPE:${playlist.hasEnded ? 'VOD' : 'EVENT'}`,
    ...(playlist.hasIndependentSegments ? ['#EXT-X-INDEPENDENT-SEGMENTS'] : []),
    `#EXT-X-MAP:URI="${initUri}"`,
  ];
  for (const segment of playlist.segments)
    lines.push(`#EXTINF:${segment.durationSeconds.toFixed(6)},`, segment.uri);
  if (playlist.hasEnded) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

export class HlsPublisher {
  private readonly uploaded = new Map<string, Set<string>>();
  private readonly playable = new Set<string>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly plan: LadderPlan,
    /** Blob key prefix of this revision, ending in "/". */
    private readonly keyPrefix: string,
  ) {}

  /** Uploads what this update adds; true when the rendition just became playable. */
  async publish(update: RenditionUpdate): Promise<boolean> {
    const done = this.uploaded.get(update.name) ?? new Set<string>();
    this.uploaded.set(update.name, done);
    const initUri = update.playlist.initUri ?? INIT_NAME;
    for (const uri of [initUri, ...update.playlist.segments.map((s) => s.uri)]) {
      if (done.has(uri)) continue;
      await this.blobs.putFile(
        `${this.keyPrefix}${update.name}/${uri}`,
        path.join(update.paths.dir, uri),
      );
      done.add(uri);
    }
    await this.blobs.put(
      `${this.keyPrefix}${update.name}/${PLAYLIST_NAME}`,
      Buffer.from(renderMediaPlaylist(update.playlist, initUri)),
    );
    if (update.segmentCount === 0 || this.playable.has(update.name)) return false;
    this.playable.add(update.name);
    return true;
  }

  /** The renditions that can play now, as the master playlist and the video record list them. */
  playableRenditions(
    measured?: Map<string, { peakBps: number; averageBps: number }>,
  ): RenditionRecord[] {
    return this.plan.renditions
      .filter((r) => this.playable.has(r.name))
      .map((r) => ({
        name: r.name,
        width: r.width,
        height: r.height,
        bandwidth: measured?.get(r.name)?.peakBps ?? r.estimatedBandwidthBps,
        averageBandwidth: measured?.get(r.name)?.averageBps ?? r.estimatedAverageBandwidthBps,
        codecs: r.codecs,
        frameRate: this.plan.fps,
        playlist: `${r.name}/${PLAYLIST_NAME}`,
      }));
  }

  async writeMaster(renditions: RenditionRecord[]): Promise<void> {
    const master = buildMasterPlaylist(
      renditions.map((r) => ({
        uri: r.playlist,
        bandwidthBps: r.bandwidth,
        averageBandwidthBps: r.averageBandwidth,
        width: r.width,
        height: r.height,
        codecs: r.codecs,
        frameRate: r.frameRate,
      })),
    );
    await this.blobs.put(`${this.keyPrefix}master.m3u8`, Buffer.from(master));
  }
}
