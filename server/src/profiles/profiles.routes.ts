// Profile pages: a creator's video grid, the counts on their profile, and pinning.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
} from '../platform/http/index.js';
import { handleParams } from '../accounts/index.js';
import { pinParams, profileStatsSchema, profileVideoSchema } from './profiles.schemas.js';
import { MAX_PINNED_VIDEOS, type ProfilesService } from './profiles.service.js';

const tags = ['profiles'];

export async function profilesRoutes(app: FastifyInstance, options: { profiles: ProfilesService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { profiles } = options;

  api.get(
    '/api/v1/accounts/:handle/videos',
    {
      schema: {
        tags,
        summary: 'A creator’s videos: the pinned ones first, then newest first',
        description: `The first page starts with the pinned videos (at most ${MAX_PINNED_VIDEOS}), then \`limit\` others. A private account shows its videos to approved followers only.`,
        params: handleParams,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(profileVideoSchema), ...problemResponses(400, 403, 404) },
      },
    },
    async (request) =>
      profiles.listVideos(
        request.viewer?.accountId ?? null,
        request.params.handle,
        request.query.limit,
        request.query.cursor,
      ),
  );

  api.get(
    '/api/v1/accounts/:handle/stats',
    {
      schema: {
        tags,
        summary: 'Followers, following, likes received and videos, and how you are connected',
        params: handleParams,
        response: { 200: profileStatsSchema, ...problemResponses(404) },
      },
    },
    async (request) => profiles.stats(request.viewer?.accountId ?? null, request.params.handle),
  );

  api.put(
    '/api/v1/me/pinned-videos/:id',
    {
      schema: {
        tags,
        summary: `Pin one of your videos to the top of your profile (at most ${MAX_PINNED_VIDEOS})`,
        params: pinParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await profiles.pin(requireViewer(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/api/v1/me/pinned-videos/:id',
    {
      schema: {
        tags,
        summary: 'Unpin one of your videos',
        params: pinParams,
        response: { 204: z.null(), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await profiles.unpin(requireViewer(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
