// Media delivery (playlists, segments, posters, thumbnails) with a visibility check on every
// request, and the processing-progress stream for the creator's upload page.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobStore } from '../platform/blobs/index.js';
import { notFound } from '../platform/errors.js';
import { problemResponses, requireViewer, sendBlob } from '../platform/http/index.js';
import {
  MEDIA_ROUTE_PREFIX,
  videoBlobPrefix,
  type VideoEvent,
  type VideosService,
} from '../videos/index.js';
import type { VideoEventsHub } from './video-events-hub.js';

const mediaParams = z.strictObject({
  videoId: z.uuid(),
  revision: z.string().regex(/^[a-f0-9]{16}$/),
  // "master.m3u8", "poster.webp", "360p/index.m3u8", "360p/seg-00001.m4s"...
  '*': z.string().regex(/^([A-Za-z0-9_-]+\/)?[A-Za-z0-9_.-]+$/),
});

const KEEPALIVE_MS = 15_000;

export async function mediaRoutes(
  app: FastifyInstance,
  options: { videos: VideosService; blobs: BlobStore; events: VideoEventsHub },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { videos, blobs, events } = options;

  api.route({
    method: ['GET', 'HEAD'],
    url: `${MEDIA_ROUTE_PREFIX}/:videoId/:revision/*`,
    schema: { hide: true, params: mediaParams },
    handler: async (request, reply) => {
      const { videoId, revision, '*': file } = request.params;
      const video = await videos.findById(videoId);
      // One answer for missing, hidden and superseded media: nothing to see here.
      const isAllowed =
        video &&
        video.mediaRevision === revision &&
        (await videos.canView(request.viewer?.accountId ?? null, video));
      if (!video || !isAllowed) throw notFound('media');
      const isPlaylist = file.endsWith('.m3u8');
      const isPublic = video.visibility === 'public';
      // Segments and images of a revision never change; playlists grow while processing.
      const policy = isPlaylist
        ? video.state === 'ready' && isPublic
          ? 'revalidate'
          : 'no-store'
        : isPublic
          ? 'immutable'
          : 'private-immutable';
      if (!isPublic) reply.header('vary', 'Cookie, Authorization');
      return sendBlob(
        request,
        reply,
        blobs,
        `${videoBlobPrefix(video)}${revision}/${file}`,
        policy,
      );
    },
  });

  api.get(
    '/api/v1/videos/:id/progress',
    {
      schema: {
        tags: ['videos'],
        summary:
          'Processing progress as server-sent events (for the creator), until ready or failed',
        description: 'Each event is `data: {"videoId","state","percent","isPlayable"}`.',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: z.string().describe('text/event-stream'), ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const video = await videos.findById(request.params.id);
      if (!video || video.accountId !== viewer.accountId) throw notFound('video');

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: VideoEvent) => raw.write(`data: ${JSON.stringify(event)}\n\n`);
      const isFinal = (event: VideoEvent) => event.state === 'ready' || event.state === 'failed';
      let unsubscribe = () => {};
      const finish = () => {
        clearInterval(keepalive);
        unsubscribe();
        raw.end();
      };
      const keepalive = setInterval(() => raw.write(': keepalive\n\n'), KEEPALIVE_MS);
      request.raw.on('close', finish);

      unsubscribe = await events.subscribe(video.id, (event) => {
        send(event);
        if (isFinal(event)) finish();
      });
      // The state now, after subscribing, so no change falls between the two.
      const current = await videos.findById(video.id);
      const snapshot: VideoEvent = current
        ? {
            videoId: video.id,
            state: current.state,
            percent: current.processingPercent,
            isPlayable: current.playableAt !== null,
          }
        : { videoId: video.id, state: 'failed', percent: 0, isPlayable: false };
      send(snapshot);
      if (isFinal(snapshot)) finish();
    },
  );
}
