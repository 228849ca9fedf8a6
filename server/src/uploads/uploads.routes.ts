// Mounts the tus server on /api/v1/uploads. Our onRequest hooks (session, CSRF, Origin) have
// already run; tus gets the raw request with its body untouched.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UPLOADS_PATH, type UploadsService } from './uploads.service.js';

export async function uploadsRoutes(app: FastifyInstance, options: { uploads: UploadsService }) {
  // Leave upload bodies as streams for tus.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) =>
    done(null),
  );

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    await options.uploads.handle(request.raw, reply.raw, request.viewer);
  };
  const schema = { hide: true };
  for (const url of [UPLOADS_PATH, `${UPLOADS_PATH}/:uploadId`]) {
    app.route({
      method: ['POST', 'PATCH', 'HEAD', 'DELETE', 'OPTIONS'],
      url,
      schema,
      handler: handle,
    });
  }
}
