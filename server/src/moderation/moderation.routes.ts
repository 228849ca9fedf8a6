// Reporting (anyone signed in) and the moderation queue (administrators).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireAdmin,
  requireViewer,
} from '../platform/http/index.js';
import {
  actionBody,
  dismissBody,
  filedReportSchema,
  moderationActionSchema,
  reportBody,
  reportIdParams,
  reportSchema,
} from './moderation.schemas.js';
import type { ModerationService } from './moderation.service.js';

const tags = ['moderation'];

export async function moderationRoutes(
  app: FastifyInstance,
  options: { moderation: ModerationService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { moderation } = options;

  api.post(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'Report a video, comment or account to the moderators',
        body: reportBody,
        response: { 201: filedReportSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const report = await moderation.report(requireViewer(request), request.body);
      return reply.code(201).send(report);
    },
  );

  api.get(
    '/api/v1/admin/reports',
    {
      schema: {
        tags,
        summary: 'Open reports, oldest first (administrators)',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(reportSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return moderation.listQueue(request.query.limit, request.query.cursor);
    },
  );

  api.post(
    '/api/v1/admin/reports/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss a report (and the other open reports on the same subject)',
        params: reportIdParams,
        body: dismissBody,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await moderation.decide(requireAdmin(request), request.params.id, {
        action: 'dismiss',
        reason: request.body.reason,
      });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/v1/admin/reports/:id/actions',
    {
      schema: {
        tags,
        summary: 'Act on a report: remove the content, or suspend its author',
        description:
          'Removed content and everything of a suspended account disappear from every surface. The action is recorded; reporters and the author are notified.',
        params: reportIdParams,
        body: actionBody,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await moderation.decide(requireAdmin(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/admin/moderation-actions',
    {
      schema: {
        tags,
        summary: 'Every moderation action: who did what, when and why, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(moderationActionSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return moderation.listActions(request.query.limit, request.query.cursor);
    },
  );
}
