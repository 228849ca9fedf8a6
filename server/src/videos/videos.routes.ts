// The videos API: create a draft (then upload its file with tus), read, edit, delete, list yours.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
} from '../platform/http/index.js';
import { presentVideo } from './videos.presenter.js';
import {
  createdVideoSchema,
  createVideoBody,
  updateVideoBody,
  videoIdParams,
  videoSchema,
} from './videos.schemas.js';
import type { VideosService } from './videos.service.js';

export type VideosRoutesOptions = {
  videos: VideosService;
  uploadUrl: string;
  maxUploadBytes: number;
};

export async function videosRoutes(app: FastifyInstance, options: VideosRoutesOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { videos } = options;

  api.post(
    '/api/v1/videos',
    {
      schema: {
        tags: ['videos'],
        summary: 'Start a video: creates the draft, then upload its file to `upload.url` with tus',
        body: createVideoBody,
        response: { 201: createdVideoSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const video = await videos.createDraft(requireViewer(request), request.body);
      reply.code(201);
      return {
        video: presentVideo(video),
        upload: { url: options.uploadUrl, maxSizeBytes: options.maxUploadBytes },
      };
    },
  );

  api.get(
    '/api/v1/videos/:id',
    {
      schema: {
        tags: ['videos'],
        summary: 'A video, if you may see it',
        params: videoIdParams,
        response: { 200: videoSchema, ...problemResponses(404) },
      },
    },
    async (request) =>
      presentVideo(await videos.getVisible(request.viewer?.accountId ?? null, request.params.id)),
  );

  api.patch(
    '/api/v1/videos/:id',
    {
      schema: {
        tags: ['videos'],
        summary: 'Edit your video: caption, visibility, comments, language',
        params: videoIdParams,
        body: updateVideoBody,
        response: { 200: videoSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentVideo(await videos.update(requireViewer(request), request.params.id, request.body)),
  );

  api.delete(
    '/api/v1/videos/:id',
    {
      schema: {
        tags: ['videos'],
        summary: 'Delete your video and every file of it',
        params: videoIdParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await videos.delete(requireViewer(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/videos',
    {
      schema: {
        tags: ['videos'],
        summary: 'Your videos in every state (drafts, processing, failed, ready), newest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(videoSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) =>
      videos.listMine(requireViewer(request), request.query.limit, request.query.cursor),
  );
}
