// Sharing: the public watch page of a video (link previews for anyone; the web client takes over
// in the browser) and oEmbed. Only what a signed-out visitor may see is ever described: a private,
// followers-only, removed or suspended video gets the plain page and no tags.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, notFound } from '../platform/errors.js';
import { presentVideo, type VideosService } from '../videos/index.js';
import { embedSize, oembedOf, videoIdOfWatchUrl } from './oembed.js';
import {
  FALLBACK_INDEX_HTML,
  injectMetaTags,
  renderMetaTags,
  type WatchPageVideo,
} from './watch-page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class SharingService {
  constructor(
    private readonly deps: { videos: VideosService; publicUrl: string; webDistDir: string },
  ) {}

  /** The video as a signed-out visitor may see it, or undefined. */
  private async publicVideo(videoId: string): Promise<WatchPageVideo | undefined> {
    if (!UUID.test(videoId)) return undefined;
    const video = await this.deps.videos.getVisible(null, videoId).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === 'not-found') return undefined;
      throw error;
    });
    if (!video) return undefined;
    const presented = presentVideo(video);
    const absolute = (url: string | null) => (url ? `${this.deps.publicUrl}${url}` : null);
    return {
      id: video.id,
      caption: video.caption,
      creatorHandle: video.creatorHandle,
      creatorDisplayName: video.creatorDisplayName,
      width: video.width,
      height: video.height,
      durationMs: video.durationMs,
      posterUrl: absolute(presented.posterUrl),
      playlistUrl: absolute(presented.playlistUrl),
    };
  }

  /**
   * The watch page: 200 when this viewer may see the video (the web client shows it), else 404.
   * Link-preview tags only when anyone signed out may see it, and this viewer too (a blocked
   * viewer learns nothing from the page source).
   */
  async watchPage(
    viewerId: string | null,
    videoId: string,
  ): Promise<{ status: 200 | 404; html: string }> {
    const [html, video] = await Promise.all([this.indexHtml(), this.publicVideo(videoId)]);
    const isVisible =
      viewerId === null
        ? video !== undefined
        : UUID.test(videoId) &&
          (await this.deps.videos.getVisible(viewerId, videoId).then(
            () => true,
            () => false,
          ));
    if (!isVisible) return { status: 404, html };
    return {
      status: 200,
      html: video ? injectMetaTags(html, renderMetaTags(this.deps.publicUrl, video)) : html,
    };
  }

  async oembed(url: string, maxWidth?: number, maxHeight?: number) {
    const videoId = videoIdOfWatchUrl(this.deps.publicUrl, url);
    const video = videoId ? await this.publicVideo(videoId) : undefined;
    if (!video) throw notFound('video', 'No public video at that address on this server.');
    return oembedOf(this.deps.publicUrl, video, embedSize(video, maxWidth, maxHeight));
  }

  private async indexHtml(): Promise<string> {
    try {
      return await readFile(path.join(this.deps.webDistDir, 'index.html'), 'utf8');
    } catch {
      return FALLBACK_INDEX_HTML;
    }
  }
}
