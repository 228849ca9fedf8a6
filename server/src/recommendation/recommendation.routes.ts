// The For You API: viewing events (JSON or sendBeacon's text/plain), the page, the reset, the
// watch history and hidden creators.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { handleParams } from '../accounts/index.js';
import {
  assertCsrfToken,
  CSRF_HEADER,
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
  ServerTiming,
} from '../platform/http/index.js';
import { AppError } from '../platform/errors.js';
import { anonymousIdRequired } from './recommendation.errors.js';
import {
  anonymousQuery,
  feedEventsBody,
  feedEventsResultSchema,
  forYouPageSchema,
  forYouQuery,
  hiddenCreatorSchema,
  videoIdParams,
  watchHistoryEntrySchema,
} from './recommendation.schemas.js';
import type { FeedViewer, RecommendationService } from './recommendation.service.js';

/** Anonymous ids become viewer ids in their own UUIDv5 namespace: never an account's id. */
const ANONYMOUS_VIEWER_NAMESPACE = '6f1c2a7e-3b5d-4e8f-9a0b-1c2d3e4f5a6b';

export type RecommendationRoutesOptions = {
  recommendation: RecommendationService;
  /** Event batches per minute per account (signed in) or per address (signed out). */
  eventsRateLimitPerMinute?: number;
};

export async function recommendationRoutes(
  app: FastifyInstance,
  options: RecommendationRoutesOptions,
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { recommendation } = options;

  // navigator.sendBeacon posts a string as text/plain: here (and only in this plugin) it is JSON.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(
        new AppError({
          type: 'malformed-json',
          kind: 'invalid',
          title: 'The request body is not valid JSON',
        }),
        undefined,
      );
    }
  });

  api.post(
    '/api/v1/feed/events',
    {
      schema: {
        tags: ['feed'],
        summary: 'Report what you watched (batches of up to 100 events, idempotent by event id)',
        description:
          'Signed in (cookie + CSRF token, or bearer token) or signed out with an anonymousId. Accepts application/json and, for navigator.sendBeacon, text/plain holding the same JSON with the CSRF token in the body.',
        body: feedEventsBody,
        response: {
          200: feedEventsResultSchema,
          ...problemResponses(400, 401, 403, 413, 415, 429),
        },
      },
      config: {
        isCsrfTokenInBody: true,
        rateLimit: {
          max: options.eventsRateLimitPerMinute ?? 600,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) =>
            request.viewer ? `account:${request.viewer.accountId}` : `address:${request.ip}`,
        },
      },
      preValidation: async (request) => {
        const viewer = request.viewer;
        if (viewer?.via === 'cookie' && request.headers[CSRF_HEADER] === undefined) {
          const body = request.body as { csrfToken?: unknown } | null | undefined;
          assertCsrfToken(request, viewer, body?.csrfToken);
        }
      },
    },
    async (request) =>
      recommendation.recordEvents(
        feedViewerOf(request, request.body.anonymousId, true),
        request.body.events,
      ),
  );

  api.get(
    '/api/v1/feed/for-you',
    {
      schema: {
        tags: ['feed'],
        summary: 'For You: videos picked for you, each with the reasons it was picked',
        description:
          'Signed out, pass the anonymousId your app sends events with. Each page leaves out what you saw and what earlier pages of the same cursor chain served.',
        querystring: forYouQuery,
        response: { 200: forYouPageSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const timing = new ServerTiming();
      // Everything before the handler: routing, the session's lookup, the query's validation.
      timing.record('auth', reply.elapsedTime);
      const page = await recommendation.forYou(
        feedViewerOf(request, request.query.anonymousId, false),
        request.query.limit,
        request.query.cursor,
        (stage) => timing.lap(stage),
      );
      reply.header('server-timing', timing.header());
      return page;
    },
  );

  api.post(
    '/api/v1/feed/for-you/reset',
    {
      schema: {
        tags: ['feed'],
        summary: 'Start For You afresh: forget what you watched and your tastes',
        description: 'Hidden creators stay hidden (see /api/v1/me/hidden-creators).',
        querystring: anonymousQuery,
        response: { 204: z.null(), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await recommendation.reset(feedViewerOf(request, request.query.anonymousId, true));
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/watch-history',
    {
      schema: {
        tags: ['feed'],
        summary: 'Videos you watched, latest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(watchHistoryEntrySchema), ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return recommendation.listHistory(
        { viewerId: viewer.accountId, accountId: viewer.accountId, language: undefined },
        request.query.limit,
        request.query.cursor,
      );
    },
  );

  api.delete(
    '/api/v1/me/watch-history',
    {
      schema: {
        tags: ['feed'],
        summary: 'Clear your watch history, and its influence on For You',
        response: { 204: z.null(), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await recommendation.deleteHistory(accountViewerOf(request));
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/api/v1/me/watch-history/:videoId',
    {
      schema: {
        tags: ['feed'],
        summary: 'Remove one video from your watch history, and its influence on For You',
        params: videoIdParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await recommendation.deleteHistory(accountViewerOf(request), request.params.videoId);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/hidden-creators',
    {
      schema: {
        tags: ['feed'],
        summary: 'Creators you hid from For You, latest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(hiddenCreatorSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) =>
      recommendation.listHiddenCreators(
        accountViewerOf(request),
        request.query.limit,
        request.query.cursor,
      ),
  );

  api.delete(
    '/api/v1/me/hidden-creators/:handle',
    {
      schema: {
        tags: ['feed'],
        summary: 'Show a hidden creator in For You again',
        params: handleParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await recommendation.unhideCreator(accountViewerOf(request), request.params.handle);
      return reply.code(204).send(null);
    },
  );
}

/** The signed-in account, or the anonymous visitor (required when the request changes state). */
function feedViewerOf(
  request: FastifyRequest,
  anonymousId: string | undefined,
  isAnonymousIdRequired: boolean,
): FeedViewer {
  const language = readLanguage(request.headers['accept-language']);
  if (request.viewer) {
    const accountId = request.viewer.accountId;
    return { viewerId: accountId, accountId, language };
  }
  if (anonymousId === undefined) {
    if (isAnonymousIdRequired) throw anonymousIdRequired();
    // A first visit before the app has an id: a cold start with no records.
    return { viewerId: randomUUID(), accountId: null, language };
  }
  return {
    viewerId: uuidv5(`anonymous:${anonymousId}`, ANONYMOUS_VIEWER_NAMESPACE),
    accountId: null,
    language,
  };
}

function accountViewerOf(request: FastifyRequest): FeedViewer {
  const viewer = requireViewer(request);
  return { viewerId: viewer.accountId, accountId: viewer.accountId, language: undefined };
}

/** The primary language subtag of the first Accept-Language entry ('pt-BR,en;q=0.8' -> 'pt'). */
function readLanguage(header: string | undefined): string | undefined {
  const match =
    header === undefined ? null : /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*/.exec(header);
  return match?.[1]?.toLowerCase();
}
