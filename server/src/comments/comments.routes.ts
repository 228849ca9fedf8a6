// Comments and replies on videos, comment likes, pins, and your comment keyword filter.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
} from '../platform/http/index.js';
import {
  commentFilterBody,
  commentFilterSchema,
  commentIdParams,
  commentLikeSchema,
  commentSchema,
  commentsQuery,
  pinCommentBody,
  postCommentBody,
  videoIdParams,
} from './comments.schemas.js';
import type { CommentsService } from './comments.service.js';

const tags = ['comments'];

export async function commentsRoutes(app: FastifyInstance, options: { comments: CommentsService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { comments } = options;

  api.get(
    '/api/v1/videos/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comments on a video: the pinned one first, then newest or most liked first',
        description:
          'Only top-level comments; their replies are under /api/v1/comments/{id}/replies.',
        params: videoIdParams,
        querystring: commentsQuery,
        response: { 200: pageSchema(commentSchema), ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { order, limit, cursor } = request.query;
      return comments.list(
        request.viewer?.accountId ?? null,
        request.params.id,
        order,
        limit,
        cursor,
      );
    },
  );

  api.post(
    '/api/v1/videos/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a video, or reply to a comment',
        params: videoIdParams,
        body: postCommentBody,
        response: { 201: commentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const comment = await comments.post(requireViewer(request), request.params.id, request.body);
      return reply.code(201).send(comment);
    },
  );

  api.get(
    '/api/v1/comments/:id/replies',
    {
      schema: {
        tags,
        summary: 'Replies to a comment, oldest first',
        params: commentIdParams,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(commentSchema), ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      comments.listReplies(
        request.viewer?.accountId ?? null,
        request.params.id,
        request.query.limit,
        request.query.cursor,
      ),
  );

  api.delete(
    '/api/v1/comments/:id',
    {
      schema: {
        tags,
        summary: 'Delete your comment, or any comment on your video (its replies go too)',
        params: commentIdParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await comments.delete(requireViewer(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    api.route({
      method,
      url: '/api/v1/comments/:id/like',
      schema: {
        tags,
        summary: method === 'PUT' ? 'Like a comment' : 'Take your like of a comment back',
        params: commentIdParams,
        response: { 200: commentLikeSchema, ...problemResponses(401, 403, 404) },
      },
      handler: async (request) => {
        const viewer = requireViewer(request);
        return method === 'PUT'
          ? comments.like(viewer, request.params.id)
          : comments.unlike(viewer, request.params.id);
      },
    });
  }

  api.put(
    '/api/v1/videos/:id/pinned-comment',
    {
      schema: {
        tags,
        summary: 'Pin a comment on your video (replacing the pinned one)',
        params: videoIdParams,
        body: pinCommentBody,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await comments.pin(requireViewer(request), request.params.id, request.body.commentId);
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/api/v1/videos/:id/pinned-comment',
    {
      schema: {
        tags,
        summary: 'Unpin the pinned comment of your video',
        params: videoIdParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await comments.unpin(requireViewer(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/comment-filter',
    {
      schema: {
        tags,
        summary: 'The words that hide comments on your videos',
        response: { 200: commentFilterSchema, ...problemResponses(401) },
      },
    },
    async (request) => comments.getFilter(requireViewer(request)),
  );

  api.put(
    '/api/v1/me/comment-filter',
    {
      schema: {
        tags,
        summary:
          'Replace the words that hide comments on your videos from everyone but their author',
        body: commentFilterBody,
        response: { 200: commentFilterSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => comments.setFilter(requireViewer(request), request.body.keywords),
  );
}
