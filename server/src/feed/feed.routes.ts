// The feeds nobody's taste shapes: Following, Recent (Fresh in the app) and Trending.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listedVideoSchema } from '../engagement/index.js';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
} from '../platform/http/index.js';
import type { FeedService } from './feed.service.js';

export async function feedRoutes(app: FastifyInstance, options: { feed: FeedService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { feed } = options;

  api.get(
    '/api/v1/feed/following',
    {
      schema: {
        tags: ['feed'],
        summary: 'Videos from accounts you follow, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(listedVideoSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) =>
      feed.following(requireViewer(request), request.query.limit, request.query.cursor),
  );

  api.get(
    '/api/v1/feed/recent',
    {
      schema: {
        tags: ['feed'],
        summary: 'Recent public videos, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(listedVideoSchema), ...problemResponses(400) },
      },
    },
    async (request) =>
      feed.recent(request.viewer?.accountId ?? null, request.query.limit, request.query.cursor),
  );

  api.get(
    '/api/v1/feed/trending',
    {
      schema: {
        tags: ['feed'],
        summary: 'Public videos viewers watch most these days, hottest first',
        description:
          'Ordered by a decayed count of viewing (half-life 2 days) learnt from /api/v1/feed/events; videos nobody has watched yet are not listed.',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(listedVideoSchema), ...problemResponses(400) },
      },
    },
    async (request) =>
      feed.trending(request.viewer?.accountId ?? null, request.query.limit, request.query.cursor),
  );
}
