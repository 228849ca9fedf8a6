// buildApp(ctx): the whole HTTP surface as a Fastify instance, without listen(), so tests build
// exactly what production serves and drive it with inject().
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { accountsRoutes, sessionRoutes } from './accounts/index.js';
import type { AppContext } from './context.js';
import { healthRoutes } from './health/index.js';
import {
  registerAuthentication,
  registerOpenApi,
  registerProblemHandlers,
  registerRateLimits,
} from './platform/http/index.js';
import { socialRoutes } from './social/index.js';
import { engagementRoutes } from './engagement/index.js';
import { feedRoutes } from './feed/index.js';
import { recommendationRoutes } from './recommendation/index.js';
import { profilesRoutes } from './profiles/index.js';
import { commentsRoutes } from './comments/index.js';
import { NotificationsHub, notificationsRoutes } from './notifications/index.js';
import { moderationRoutes } from './moderation/index.js';
import { searchRoutes } from './search/index.js';
import { sharingRoutes } from './sharing/index.js';
import { mediaRoutes, VideoEventsHub } from './media/index.js';
import { UPLOADS_PATH, uploadsRoutes } from './uploads/index.js';
import { videosRoutes } from './videos/index.js';
import { webClientRoutes } from './web-client/index.js';

export const API_VERSION = '0.1.0';
const JSON_BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = ctx.log.child({ component: 'http' });
  const app = Fastify({
    loggerInstance: logger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => uuidv7(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);

  await app.register(cookie);
  // A suspended account's sessions do not resolve (the session lookup skips them).
  registerAuthentication(app, ctx.sessions.resolve);
  await registerRateLimits(app, ctx.database);
  await registerOpenApi(app, { version: API_VERSION });

  await app.register(healthRoutes, { db: ctx.database.db });
  await app.register(sessionRoutes, {
    accounts: ctx.accounts,
    sessions: ctx.sessions,
    isSecureOrigin: ctx.config.isSecureOrigin,
    authRateLimitPerMinute: ctx.config.authRateLimitPerMinute,
  });
  await app.register(accountsRoutes, {
    accounts: ctx.accounts,
    sessions: ctx.sessions,
    blobs: ctx.blobs,
  });
  await app.register(videosRoutes, {
    videos: ctx.videos,
    uploadUrl: UPLOADS_PATH,
    maxUploadBytes: ctx.config.maxUploadBytes,
  });
  await app.register(uploadsRoutes, { uploads: ctx.uploads });
  const videoEvents = new VideoEventsHub(
    ctx.database.connectionString,
    ctx.log.child({ capability: 'media' }),
  );
  app.addHook('onClose', () => videoEvents.close());
  await app.register(mediaRoutes, { videos: ctx.videos, blobs: ctx.blobs, events: videoEvents });
  await app.register(socialRoutes, { social: ctx.social, suggestions: ctx.suggestions });
  await app.register(engagementRoutes, {
    engagement: ctx.engagement,
    publicUrl: ctx.config.publicUrl,
  });
  await app.register(feedRoutes, { feed: ctx.feed });
  await app.register(recommendationRoutes, { recommendation: ctx.recommendation });
  await app.register(profilesRoutes, { profiles: ctx.profiles });
  await app.register(commentsRoutes, { comments: ctx.comments });
  await app.register(notificationsRoutes, {
    notifications: ctx.notifications,
    hub: new NotificationsHub(
      ctx.database.connectionString,
      ctx.log.child({ capability: 'notifications' }),
    ),
  });
  await app.register(moderationRoutes, { moderation: ctx.moderation });
  await app.register(searchRoutes, { search: ctx.search });
  await app.register(sharingRoutes, { sharing: ctx.sharing });
  await app.register(webClientRoutes, { distDir: ctx.config.webDistDir });
  return app;
}
