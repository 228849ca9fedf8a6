// Request and response shapes of the comments API.
import { z } from 'zod';
import { userText } from '../platform/http/index.js';
import { MAX_KEYWORDS } from './keyword-filter.js';

export const MAX_COMMENT_LENGTH = 500;

export const videoIdParams = z.strictObject({ id: z.uuid() });
export const commentIdParams = z.strictObject({ id: z.uuid() });

export const commentsQuery = z.strictObject({
  order: z.enum(['newest', 'top']).default('newest').describe('top: most liked first'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const postCommentBody = z.strictObject({
  body: userText({ min: 1, max: MAX_COMMENT_LENGTH, isMultiline: true }),
  parentId: z
    .uuid()
    .optional()
    .describe('Reply to this comment (a reply to a reply joins the same thread)'),
});

export const commentSchema = z
  .object({
    id: z.uuid(),
    videoId: z.uuid(),
    parentId: z.uuid().nullable(),
    author: z.object({
      id: z.uuid(),
      handle: z.string(),
      displayName: z.string(),
      avatarUrl: z.string().nullable(),
    }),
    body: z.string(),
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()),
    likeCount: z.number().int(),
    replyCount: z.number().int(),
    isPinned: z.boolean(),
    isLikedByViewer: z.boolean(),
    isByCreator: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Comment' });

export const commentLikeSchema = z
  .object({ likeCount: z.number().int(), isLiked: z.boolean() })
  .meta({ id: 'CommentLike' });

export const pinCommentBody = z.strictObject({ commentId: z.uuid() });

export const commentFilterSchema = z
  .object({ keywords: z.array(z.string()) })
  .meta({ id: 'CommentFilter' });

export const commentFilterBody = z.strictObject({
  keywords: z
    .array(userText({ min: 1, max: 40 }))
    .max(MAX_KEYWORDS)
    .describe(
      'Comments on your videos containing one of these words are hidden from everyone but their author',
    ),
});
