// The public watch page of a video: the web client's index.html with Open Graph, Twitter card
// and oEmbed discovery tags for link previews. Pure: the caller reads the file and the video.

export type WatchPageVideo = {
  id: string;
  caption: string;
  creatorHandle: string;
  creatorDisplayName: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  /** Absolute URLs. */
  posterUrl: string | null;
  playlistUrl: string | null;
};

/** A page that works without the web client build: the tags still describe the video. */
export const FALLBACK_INDEX_HTML =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Shortwave</title>\n  </head>\n  <body>\n    <p>Open this page in a browser with Shortwave’s web client.</p>\n  </body>\n</html>\n';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML attribute value or element content. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** At most `max` characters on one line, cut at a word where possible. */
export function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export function titleOf(video: WatchPageVideo): string {
  const caption = shorten(video.caption, 100);
  return caption || `Video by @${video.creatorHandle}`;
}

export function watchUrlOf(publicUrl: string, videoId: string) {
  return `${publicUrl}/v/${videoId}`;
}

export function oembedUrlOf(publicUrl: string, videoId: string) {
  const url = encodeURIComponent(watchUrlOf(publicUrl, videoId));
  return `${publicUrl}/oembed?url=${url}&format=json`;
}

export function renderMetaTags(publicUrl: string, video: WatchPageVideo): string {
  const title = titleOf(video);
  const author = video.creatorDisplayName || video.creatorHandle;
  const description = shorten(
    `${author} (@${video.creatorHandle}) on Shortwave. ${video.caption}`,
    200,
  );
  const url = watchUrlOf(publicUrl, video.id);
  const tag = (attribute: 'name' | 'property', key: string, value: string | number | null) =>
    value === null || value === ''
      ? []
      : [`<meta ${attribute}="${key}" content="${escapeHtml(String(value))}" />`];
  return [
    `<title>${escapeHtml(title)} · Shortwave</title>`,
    ...tag('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembedUrlOf(publicUrl, video.id))}" title="${escapeHtml(title)}" />`,
    ...tag('property', 'og:site_name', 'Shortwave'),
    ...tag('property', 'og:type', 'video.other'),
    ...tag('property', 'og:url', url),
    ...tag('property', 'og:title', title),
    ...tag('property', 'og:description', description),
    ...tag('property', 'og:image', video.posterUrl),
    ...tag('property', 'og:image:width', video.width),
    ...tag('property', 'og:image:height', video.height),
    ...tag('property', 'og:video', video.playlistUrl),
    ...tag('property', 'og:video:type', video.playlistUrl ? 'application/x-mpegURL' : null),
    ...tag('property', 'og:video:width', video.width),
    ...tag('property', 'og:video:height', video.height),
    ...tag(
      'property',
      'video:duration',
      video.durationMs ? Math.round(video.durationMs / 1000) : null,
    ),
    ...tag('name', 'twitter:card', 'player'),
    ...tag('name', 'twitter:title', title),
    ...tag('name', 'twitter:description', description),
    ...tag('name', 'twitter:image', video.posterUrl),
    ...tag('name', 'twitter:player', `${url}?embed=1`),
    ...tag('name', 'twitter:player:width', video.width),
    ...tag('name', 'twitter:player:height', video.height),
  ].join('\n    ');
}

/** Replaces the page's own title and description with the video's tags. */
export function injectMetaTags(indexHtml: string, tags: string): string {
  const stripped = indexHtml
    .replace(/<title>[\s\S]*?<\/title>\s*/i, '')
    .replace(/<meta\s+name="description"[\s\S]*?\/?>\s*/i, '');
  const head = stripped.search(/<\/head>/i);
  if (head < 0) return `${tags}\n${stripped}`;
  return `${stripped.slice(0, head)}  ${tags}\n  ${stripped.slice(head)}`;
}
