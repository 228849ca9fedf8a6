// The public watch page /v/:videoId (the web client, with link-preview tags) and oEmbed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, sendProblem } from '../platform/http/index.js';
import type { SharingService } from './sharing.service.js';

// The web client's policy (web-client.routes.ts), except that embed mode may be framed anywhere.
const contentSecurityPolicy = (isEmbed: boolean) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    isEmbed ? 'frame-ancestors *' : "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');

const oembedQuery = z.strictObject({
  url: z.string().max(2048).describe('A watch page URL of this server: <public URL>/v/<video id>'),
  format: z.string().max(10).default('json'),
  maxwidth: z.coerce.number().int().min(1).max(4096).optional(),
  maxheight: z.coerce.number().int().min(1).max(4096).optional(),
});

const oembedSchema = z
  .object({
    version: z.literal('1.0'),
    type: z.literal('video'),
    provider_name: z.string(),
    provider_url: z.string(),
    title: z.string(),
    author_name: z.string(),
    author_url: z.string(),
    thumbnail_url: z.string().optional(),
    thumbnail_width: z.number().int().optional(),
    thumbnail_height: z.number().int().optional(),
    html: z.string(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'OEmbed' });

export async function sharingRoutes(app: FastifyInstance, options: { sharing: SharingService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { sharing } = options;

  api.get(
    '/v/:videoId',
    {
      schema: {
        tags: ['sharing'],
        summary: 'The public watch page of a video (HTML, with link-preview tags)',
        params: z.strictObject({ videoId: z.string().max(100) }),
        querystring: z.object({ embed: z.enum(['1']).optional() }),
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const { status, html } = await sharing.watchPage(
        request.viewer?.accountId ?? null,
        request.params.videoId,
      );
      return reply
        .code(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', contentSecurityPolicy(request.query.embed === '1'))
        .header('referrer-policy', 'same-origin')
        .header('x-content-type-options', 'nosniff')
        .header('vary', 'Cookie')
        .send(html);
    },
  );

  api.get(
    '/oembed',
    {
      schema: {
        tags: ['sharing'],
        summary: 'oEmbed 1.0 for a public watch page (format=json only)',
        querystring: oembedQuery,
        response: { 200: oembedSchema, ...problemResponses(400, 404, 501) },
      },
    },
    async (request, reply) => {
      const { url, format, maxwidth, maxheight } = request.query;
      if (format !== 'json') {
        // oEmbed 1.0 §2.3.4: a format the provider does not offer is 501 Not Implemented.
        return sendProblem(reply, {
          type: 'oembed-format-unsupported',
          title: 'Only format=json is supported',
          status: 501,
          instance: '/oembed',
        });
      }
      return sharing.oembed(url, maxwidth, maxheight);
    },
  );
}
