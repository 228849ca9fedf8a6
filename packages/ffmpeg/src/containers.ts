// Which demuxers an upload may go through. Uploads are untrusted: only formats whose files are
// self-contained (no playlists, no references to other files or URLs) are opened at all.

/** Containers Shortwave transcodes. */
export const VIDEO_CONTAINERS = [
  'mov',
  'matroska',
  'gif',
  'avi',
  'mpegts',
  'flv',
  'mpeg',
  'asf',
  'ogg',
];

/** Probed only so a rejection can say what the file is: a picture, or sound without video. */
export const EXPLAINABLE_CONTAINERS = [
  'png_pipe',
  'jpeg_pipe',
  'webp_pipe',
  'bmp_pipe',
  'tiff_pipe',
  'mp3',
  'wav',
  'flac',
  'aac',
];

/** The demuxer to force on the transcode: the first name of ffprobe's format_name. */
export function chooseDemuxer(container: string): string | null {
  const names = container.split(',');
  return names.some((name) => VIDEO_CONTAINERS.includes(name)) ? (names[0] ?? null) : null;
}
