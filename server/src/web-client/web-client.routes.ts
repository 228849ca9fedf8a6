// Serves the built React client from the same origin: hashed assets cached forever, index.html
// for every other page path (client-side routing), problem+json 404s under /api.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../platform/http/index.js';

// The client loads only its own scripts and styles; media may come from blob: URLs (hls.js).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export async function webClientRoutes(app: FastifyInstance, options: { distDir: string }) {
  const hasBuild = existsSync(path.join(options.distDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      setHeaders(res, filePath) {
        const isHashedAsset = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader(
          'cache-control',
          isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        res.setHeader('x-content-type-options', 'nosniff');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html') === true;
    if (isPage && hasBuild) {
      return reply
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('referrer-policy', 'same-origin')
        .header('x-content-type-options', 'nosniff')
        .sendFile('index.html');
    }
    if (isPage) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The Shortwave web client is not built. Run `npm run build:web` (npm start does it for you).',
        );
    }
    return sendProblem(reply, {
      type: 'route-not-found',
      title: 'There is nothing at this address',
      status: 404,
      detail: `${request.method} ${request.url.split('?')[0]} is not part of the API. See /api/docs.`,
    });
  });
}
