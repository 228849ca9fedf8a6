// Who may see a video. One rule, used by every surface that shows or serves one: the API, media
// delivery, and (through the social capability's SQL twin of this rule) feeds, search and
// notifications.
import type { VideoRow } from '../platform/db/index.js';

/** What the social and moderation capabilities know about a viewer and a video's creator. */
export type Audience = {
  /** The video was removed by moderation, or its creator suspended: nobody sees it. */
  isTakenDown: boolean;
  /** The viewer blocked the creator, or the creator blocked the viewer. */
  isBlocked: boolean;
  /** Only approved followers see a private account's videos, even its public ones. */
  isPrivateAccount: boolean;
  /** The viewer is an approved follower of the creator. */
  isFollower: boolean;
};

/** Answers `Audience` for a viewer (null: anonymous) and a video; the social capability does. */
export type AudienceLookup = (
  viewerId: string | null,
  video: Pick<VideoRow, 'id' | 'accountId'>,
) => Promise<Audience>;

export async function canViewVideo(
  viewerId: string | null,
  video: Pick<VideoRow, 'id' | 'accountId' | 'visibility' | 'playableAt'>,
  lookUpAudience: AudienceLookup,
): Promise<boolean> {
  const audience = await lookUpAudience(viewerId, video);
  return isVideoVisible(viewerId, { ...video, isPlayable: video.playableAt !== null }, audience);
}

/** The rule itself, for a caller that already knows the audience (For You's candidate cache). */
export function isVideoVisible(
  viewerId: string | null,
  video: Pick<VideoRow, 'accountId' | 'visibility'> & { isPlayable: boolean },
  audience: Audience,
): boolean {
  if (audience.isTakenDown) return false;
  if (viewerId === video.accountId) return true;
  if (!video.isPlayable || audience.isBlocked) return false;
  switch (video.visibility) {
    case 'public':
      return !audience.isPrivateAccount || audience.isFollower;
    case 'followers':
      return audience.isFollower;
    case 'private':
      return false;
  }
}
