// Likes, favourites, shares and views of a video, its counters, and your favourites list.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
} from '../platform/http/index.js';
import {
  engagementSchema,
  listedVideoSchema,
  shareBody,
  shareResultSchema,
  videoIdParams,
  viewBody,
  viewResultSchema,
} from './engagement.schemas.js';
import { viewerKeyOf, type EngagementService } from './engagement.service.js';

const tags = ['engagement'];

export async function engagementRoutes(
  app: FastifyInstance,
  options: { engagement: EngagementService; publicUrl: string },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { engagement } = options;
  const changed = { 200: engagementSchema, ...problemResponses(401, 403, 404) };

  api.get(
    '/api/v1/videos/:id/engagement',
    {
      schema: {
        tags,
        summary: 'A video’s counters, and whether you liked or saved it',
        params: videoIdParams,
        response: { 200: engagementSchema, ...problemResponses(404) },
      },
    },
    async (request) =>
      engagement.getEngagement(request.viewer?.accountId ?? null, request.params.id),
  );

  api.put(
    '/api/v1/videos/:id/like',
    { schema: { tags, summary: 'Like a video', params: videoIdParams, response: changed } },
    async (request) => engagement.like(requireViewer(request), request.params.id),
  );
  api.delete(
    '/api/v1/videos/:id/like',
    { schema: { tags, summary: 'Take your like back', params: videoIdParams, response: changed } },
    async (request) => engagement.unlike(requireViewer(request), request.params.id),
  );

  api.put(
    '/api/v1/videos/:id/save',
    {
      schema: {
        tags,
        summary: 'Save a video to your favourites (only you see them)',
        params: videoIdParams,
        response: changed,
      },
    },
    async (request) => engagement.save(requireViewer(request), request.params.id),
  );
  api.delete(
    '/api/v1/videos/:id/save',
    {
      schema: {
        tags,
        summary: 'Remove a video from your favourites',
        params: videoIdParams,
        response: changed,
      },
    },
    async (request) => engagement.unsave(requireViewer(request), request.params.id),
  );

  api.get(
    '/api/v1/me/favourites',
    {
      schema: {
        tags,
        summary: 'Videos you saved, most recent first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(listedVideoSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) =>
      engagement.listSaved(requireViewer(request), request.query.limit, request.query.cursor),
  );

  api.post(
    '/api/v1/videos/:id/views',
    {
      schema: {
        tags,
        summary: 'Report watching a video; counts as a view once per viewer per 24 hours',
        params: videoIdParams,
        body: viewBody,
        response: { 200: viewResultSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const viewerId = request.viewer?.accountId ?? null;
      const key = viewerKeyOf({
        accountId: viewerId,
        clientId: request.body.clientId,
        address: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      return engagement.recordView(key, viewerId, request.params.id, request.body.watchedMs);
    },
  );

  api.post(
    '/api/v1/videos/:id/shares',
    {
      schema: {
        tags,
        summary: 'Count a share and get the public link to share',
        params: videoIdParams,
        body: shareBody,
        response: { 200: shareResultSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const viewerId = request.viewer?.accountId ?? null;
      const key = viewerKeyOf({
        accountId: viewerId,
        clientId: request.body.clientId,
        address: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      const result = await engagement.recordShare(key, viewerId, request.params.id);
      return { ...result, url: `${options.publicUrl}/v/${request.params.id}` };
    },
  );
}
