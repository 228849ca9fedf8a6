// What a viewer does to a video from the feed: like, save, share, follow its creator, and the
// view reported after the minimum watch. Signed-out viewers report views and shares under a
// random id kept on this device, so they count once.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';
import { sessionStore } from '../../api/sessionStore';

const CLIENT_ID_KEY = 'shortwave.clientId';

/** Signed out: this device's random id (kept in localStorage); signed in: none. */
export function readClientId(): string | undefined {
  if (sessionStore.get().status === 'signed-in') return undefined;
  try {
    let id = localStorage.getItem(CLIENT_ID_KEY);
    if (!id) {
      id = crypto.randomUUID().replaceAll('-', '');
      localStorage.setItem(CLIENT_ID_KEY, id);
    }
    return id;
  } catch {
    return undefined;
  }
}

const videoPath = (id: string) => ({ params: { path: { id } } });

export function setLiked(videoId: string, isLiked: boolean): Promise<Schemas['Engagement']> {
  return unwrap(
    isLiked
      ? api.PUT('/api/v1/videos/{id}/like', videoPath(videoId))
      : api.DELETE('/api/v1/videos/{id}/like', videoPath(videoId)),
  );
}

export function setSaved(videoId: string, isSaved: boolean): Promise<Schemas['Engagement']> {
  return unwrap(
    isSaved
      ? api.PUT('/api/v1/videos/{id}/save', videoPath(videoId))
      : api.DELETE('/api/v1/videos/{id}/save', videoPath(videoId)),
  );
}

export function recordShare(videoId: string): Promise<Schemas['ShareResult']> {
  const clientId = readClientId();
  return unwrap(
    api.POST('/api/v1/videos/{id}/shares', {
      ...videoPath(videoId),
      body: clientId ? { clientId } : {},
    }),
  );
}

export function recordView(videoId: string, watchedMs: number): Promise<Schemas['ViewResult']> {
  const clientId = readClientId();
  return unwrap(
    api.POST('/api/v1/videos/{id}/views', {
      ...videoPath(videoId),
      body: { watchedMs: Math.round(watchedMs), ...(clientId ? { clientId } : {}) },
    }),
  );
}

export async function followCreator(handle: string): Promise<Schemas['FollowStatus']> {
  const result = await unwrap(
    api.PUT('/api/v1/accounts/{handle}/follow', { params: { path: { handle } } }),
  );
  return result.following;
}

export async function readFollowStatus(handle: string): Promise<Schemas['FollowStatus']> {
  const relationship = await unwrap(
    api.GET('/api/v1/accounts/{handle}/relationship', { params: { path: { handle } } }),
  );
  return relationship.following;
}

/** The minimum watch before a view counts: 3 s, or half of a shorter video (see ViewResult). */
export function minimumWatchMs(durationMs: number | null): number {
  return durationMs ? Math.min(3_000, durationMs / 2) : 3_000;
}
