// The videos API as the upload and watch pages use it: drafts, reading, editing, deleting.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';

export type Video = Schemas['Video'];
export type Visibility = Video['visibility'];

/** What a creator decides about a video: the fields of the upload form and of "Edit video". */
export type VideoDetails = {
  caption: string;
  visibility: Visibility;
  commentsEnabled: boolean;
};

export function createVideo(details: VideoDetails): Promise<Schemas['CreatedVideo']> {
  return unwrap(api.POST('/api/v1/videos', { body: details }));
}

export function getVideo(id: string): Promise<Video> {
  return unwrap(api.GET('/api/v1/videos/{id}', { params: { path: { id } } }));
}

export function updateVideo(id: string, details: Partial<VideoDetails>): Promise<Video> {
  return unwrap(api.PATCH('/api/v1/videos/{id}', { params: { path: { id } }, body: details }));
}

export async function deleteVideo(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/videos/{id}', { params: { path: { id } } }));
}
