// Liveness and readiness for load balancers and orchestrators.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDatabaseReady, type Db } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { problemResponses } from '../platform/http/index.js';

export async function healthRoutes(app: FastifyInstance, options: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is alive',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  api.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and fully migrated',
        response: { 200: z.object({ status: z.literal('ready') }), ...problemResponses(503) },
      },
    },
    async () => {
      const { isReachable, pending } = await isDatabaseReady(options.db);
      if (!isReachable) {
        throw new AppError({
          type: 'database-unreachable',
          kind: 'unavailable',
          title: 'The database cannot be reached',
        });
      }
      if (pending.length > 0) {
        throw new AppError({
          type: 'migrations-pending',
          kind: 'unavailable',
          title: 'The database is not fully migrated',
          detail: `Pending: ${pending.join(', ')}`,
        });
      }
      return { status: 'ready' as const };
    },
  );
}
