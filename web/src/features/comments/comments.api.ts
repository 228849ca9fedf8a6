// The comment calls of the comments sheet: a video's comments (newest or most liked first),
// a thread's replies, writing, deleting and liking.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';

export type Comment = Schemas['Comment'];
export type CommentOrder = 'newest' | 'top';
export type CommentPage = { items: Comment[]; nextCursor: string | null };

const PAGE_SIZE = 20;

export function fetchComments(
  videoId: string,
  order: CommentOrder,
  cursor: string | null,
): Promise<CommentPage> {
  return unwrap(
    api.GET('/api/v1/videos/{id}/comments', {
      params: {
        path: { id: videoId },
        query: { order, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export function fetchReplies(commentId: string, cursor: string | null): Promise<CommentPage> {
  return unwrap(
    api.GET('/api/v1/comments/{id}/replies', {
      params: {
        path: { id: commentId },
        query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export function postComment(videoId: string, body: string, parentId: string | null) {
  return unwrap(
    api.POST('/api/v1/videos/{id}/comments', {
      params: { path: { id: videoId } },
      body: { body, ...(parentId ? { parentId } : {}) },
    }),
  );
}

export function deleteComment(commentId: string) {
  return unwrap(api.DELETE('/api/v1/comments/{id}', { params: { path: { id: commentId } } }));
}

export function setCommentLiked(commentId: string, isLiked: boolean) {
  const options = { params: { path: { id: commentId } } };
  return unwrap(
    isLiked
      ? api.PUT('/api/v1/comments/{id}/like', options)
      : api.DELETE('/api/v1/comments/{id}/like', options),
  );
}
