// The OpenAPI document comes from the same zod schemas that validate requests; served at
// /api/docs (UI) and /api/docs/json (the document), and committed as docs/openapi.json.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance, options: { version: string }) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shortwave API',
        version: options.version,
        description:
          'JSON over HTTP. Errors are application/problem+json (RFC 9457) with a stable `type`. ' +
          'Lists are cursor-paginated: pass `nextCursor` back as `cursor`. The web client uses a ' +
          'session cookie plus the `x-csrf-token` header on changes; other clients send ' +
          '`Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'sw_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
