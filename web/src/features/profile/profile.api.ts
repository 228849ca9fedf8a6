// The calls behind a profile page: counts and how you are connected, the video grid, follow
// lists, following, blocking, muting and reporting.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';

export type ProfileStats = Schemas['ProfileStats'];
export type FollowStatus = Schemas['FollowStatus'];
export type ReportReason =
  | 'spam'
  | 'harassment'
  | 'hate'
  | 'violence'
  | 'sexual-content'
  | 'child-safety'
  | 'self-harm'
  | 'misinformation'
  | 'intellectual-property'
  | 'illegal'
  | 'other';

const pathOf = (handle: string) => ({ params: { path: { handle } } });
const pageQuery = (cursor: string | undefined, limit = 24) => ({
  limit,
  ...(cursor ? { cursor } : {}),
});

export function getStats(handle: string): Promise<ProfileStats> {
  return unwrap(api.GET('/api/v1/accounts/{handle}/stats', pathOf(handle)));
}

export function listVideos(handle: string, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/v1/accounts/{handle}/videos', {
      params: { path: { handle }, query: pageQuery(cursor) },
    }),
  );
}

/** Your own videos in every state: drafts, processing, failed and ready. */
export function listOwnVideos(cursor: string | undefined) {
  return unwrap(api.GET('/api/v1/me/videos', { params: { query: pageQuery(cursor) } }));
}

export function listFollowers(handle: string, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/v1/accounts/{handle}/followers', {
      params: { path: { handle }, query: pageQuery(cursor, 30) },
    }),
  );
}

export function listFollowing(handle: string, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/v1/accounts/{handle}/following', {
      params: { path: { handle }, query: pageQuery(cursor, 30) },
    }),
  );
}

export async function follow(handle: string): Promise<FollowStatus> {
  const { following } = await unwrap(api.PUT('/api/v1/accounts/{handle}/follow', pathOf(handle)));
  return following;
}

export async function unfollow(handle: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/accounts/{handle}/follow', pathOf(handle)));
}

export async function setBlocked(handle: string, isBlocked: boolean): Promise<void> {
  await unwrap(
    isBlocked
      ? api.PUT('/api/v1/accounts/{handle}/block', pathOf(handle))
      : api.DELETE('/api/v1/accounts/{handle}/block', pathOf(handle)),
  );
}

export async function setMuted(handle: string, isMuted: boolean): Promise<void> {
  await unwrap(
    isMuted
      ? api.PUT('/api/v1/accounts/{handle}/mute', pathOf(handle))
      : api.DELETE('/api/v1/accounts/{handle}/mute', pathOf(handle)),
  );
}

export async function fileReport(body: {
  subject: { kind: 'video' | 'comment' | 'account'; id: string };
  reason: ReportReason;
  details: string;
}): Promise<void> {
  await unwrap(api.POST('/api/v1/reports', { body }));
}

export async function setPinned(videoId: string, isPinned: boolean): Promise<void> {
  const path = { params: { path: { id: videoId } } };
  await unwrap(
    isPinned
      ? api.PUT('/api/v1/me/pinned-videos/{id}', path)
      : api.DELETE('/api/v1/me/pinned-videos/{id}', path),
  );
}
