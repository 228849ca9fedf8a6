// A video as the API shows it: the record, its creator, and same-origin media URLs.
import { accountBlobPrefix, avatarUrlOf } from '../accounts/index.js';
import type { VideoRow } from '../platform/db/index.js';
import type { VideoWithCreator } from './videos.store.js';

export const MEDIA_ROUTE_PREFIX = '/media/videos';

/** Where blobs of a video live; the account prefix makes account deletion take them too. */
export const videoBlobPrefix = (video: Pick<VideoRow, 'id' | 'accountId'>) =>
  `${accountBlobPrefix(video.accountId)}videos/${video.id}/`;

export const mediaUrl = (video: Pick<VideoRow, 'id' | 'mediaRevision'>, file: string) =>
  video.mediaRevision ? `${MEDIA_ROUTE_PREFIX}/${video.id}/${video.mediaRevision}/${file}` : null;

const fileOf = (key: string | null) => key?.split('/').slice(-1)[0] ?? null;

export function presentVideo(video: VideoWithCreator) {
  const creator = {
    id: video.accountId,
    handle: video.creatorHandle,
    displayName: video.creatorDisplayName || video.creatorHandle,
    avatarUrl: avatarUrlOf(video.accountId, video.creatorAvatarKey),
  };
  const isPlayable = video.playableAt !== null && video.mediaRevision !== null;
  const poster = fileOf(video.posterKey);
  const thumbnails = fileOf(video.thumbnailsVttKey);
  const progressive = video.renditions.find((r) => r.progressiveFile);
  const subtitlesFile = fileOf(video.subtitlesKey);
  const subtitlesUrl = subtitlesFile ? mediaUrl(video, subtitlesFile) : null;
  return {
    id: video.id,
    creator,
    caption: video.caption,
    hashtags: video.hashtags,
    mentions: video.mentions,
    visibility: video.visibility,
    commentsEnabled: video.commentsEnabled,
    language: video.language,
    state: video.state,
    failure: video.failureCode
      ? { code: video.failureCode, reason: video.failureReason ?? '' }
      : null,
    processingPercent: video.processingPercent,
    isPlayable,
    durationMs: video.durationMs,
    width: video.width,
    height: video.height,
    playlistUrl: isPlayable ? mediaUrl(video, 'master.m3u8') : null,
    progressiveUrl:
      isPlayable && progressive
        ? mediaUrl(video, `${progressive.name}/${progressive.progressiveFile}`)
        : null,
    posterUrl: poster ? mediaUrl(video, poster) : null,
    thumbnailsUrl: thumbnails ? mediaUrl(video, thumbnails) : null,
    subtitles: subtitlesUrl ? { url: subtitlesUrl, language: video.subtitlesLanguage } : null,
    renditions: video.renditions.map(({ name, width, height, bandwidth }) => ({
      name,
      width,
      height,
      bandwidth,
    })),
    createdAt: video.createdAt.toISOString(),
    readyAt: video.readyAt?.toISOString() ?? null,
  };
}

export type PresentedVideo = ReturnType<typeof presentVideo>;
