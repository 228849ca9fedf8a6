// A comment as the API shows it.
import { avatarUrlOf } from '../accounts/index.js';
import type { ListedComment } from './comments.store.js';

export function presentComment(comment: ListedComment) {
  return {
    id: comment.id,
    videoId: comment.videoId,
    parentId: comment.parentId,
    author: {
      id: comment.authorId,
      handle: comment.authorHandle,
      displayName: comment.authorDisplayName || comment.authorHandle,
      avatarUrl: avatarUrlOf(comment.authorId, comment.authorAvatarKey),
    },
    body: comment.body,
    hashtags: comment.hashtags,
    mentions: comment.mentions,
    likeCount: comment.likeCount,
    replyCount: comment.replyCount,
    isPinned: comment.isPinned,
    isLikedByViewer: comment.isLikedByViewer,
    isByCreator: comment.authorId === comment.creatorId,
    createdAt: comment.createdAt.toISOString(),
  };
}

export type PresentedComment = ReturnType<typeof presentComment>;
