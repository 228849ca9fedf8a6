// oEmbed 1.0 (https://oembed.com) for watch pages: a `video` response whose html is an iframe of
// the watch page in embed mode. Pure.
import { escapeHtml, titleOf, watchUrlOf, type WatchPageVideo } from './watch-page.js';

const DEFAULT_WIDTH = 325;

/** The video id in a watch page URL of this instance, or undefined. */
export function videoIdOfWatchUrl(publicUrl: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const base = new URL(publicUrl);
  if (parsed.host !== base.host) return undefined;
  const match = /^\/v\/([0-9a-f-]{36})\/?$/i.exec(parsed.pathname);
  return match?.[1]?.toLowerCase();
}

/** The embed's size: the video's shape, at most maxWidth × maxHeight. */
export function embedSize(
  video: Pick<WatchPageVideo, 'width' | 'height'>,
  maxWidth?: number,
  maxHeight?: number,
) {
  const aspect = video.width && video.height ? video.height / video.width : 16 / 9;
  let width = Math.min(DEFAULT_WIDTH, maxWidth ?? DEFAULT_WIDTH);
  let height = Math.round(width * aspect);
  if (maxHeight !== undefined && height > maxHeight) {
    height = maxHeight;
    width = Math.round(height / aspect);
  }
  return { width, height };
}

export function oembedOf(
  publicUrl: string,
  video: WatchPageVideo,
  size: { width: number; height: number },
) {
  const title = titleOf(video);
  const src = `${watchUrlOf(publicUrl, video.id)}?embed=1`;
  return {
    version: '1.0' as const,
    type: 'video' as const,
    provider_name: 'Shortwave',
    provider_url: `${publicUrl}/`,
    title,
    author_name: video.creatorDisplayName || video.creatorHandle,
    author_url: `${publicUrl}/@${video.creatorHandle}`,
    ...(video.posterUrl
      ? {
          thumbnail_url: video.posterUrl,
          thumbnail_width: video.width ?? size.width,
          thumbnail_height: video.height ?? size.height,
        }
      : {}),
    html: `<iframe src="${escapeHtml(src)}" width="${size.width}" height="${size.height}" title="${escapeHtml(title)}" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`,
    width: size.width,
    height: size.height,
  };
}
