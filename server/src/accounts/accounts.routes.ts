// Profiles, avatars, passwords, sessions and tokens, account deletion.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobStore } from '../platform/blobs/index.js';
import { AppError } from '../platform/errors.js';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
  sendBlob,
  SESSION_COOKIE,
} from '../platform/http/index.js';
import {
  avatarParams,
  changePasswordBody,
  createdTokenSchema,
  createTokenBody,
  deleteAccountBody,
  handleParams,
  meSchema,
  profileSchema,
  sessionIdParams,
  sessionSummarySchema,
  updateProfileBody,
} from './accounts.schemas.js';
import {
  accountBlobPrefix,
  presentMe,
  presentProfile,
  type AccountsService,
} from './accounts.service.js';
import { AVATAR_MAX_BYTES } from './avatar.js';
import type { SessionsService } from './sessions.service.js';

export type AccountsRoutesOptions = {
  accounts: AccountsService;
  sessions: SessionsService;
  blobs: BlobStore;
};

export async function accountsRoutes(app: FastifyInstance, options: AccountsRoutesOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { accounts, sessions, blobs } = options;

  // Avatars arrive as the raw image body (PUT with Content-Type image/...), not multipart.
  app.addContentTypeParser(
    /^image\/[a-z0-9.+-]+$/i,
    { parseAs: 'buffer', bodyLimit: AVATAR_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  api.get(
    '/api/v1/accounts/:handle',
    {
      schema: {
        tags: ['accounts'],
        summary: 'A public profile',
        params: handleParams,
        response: { 200: profileSchema, ...problemResponses(404) },
      },
    },
    async (request) => presentProfile(await accounts.getByHandle(request.params.handle)),
  );

  api.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Your account',
        response: { 200: meSchema, ...problemResponses(401) },
      },
    },
    async (request) => presentMe(await accounts.getById(requireViewer(request).accountId)),
  );

  api.patch(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Edit your display name and bio',
        body: updateProfileBody,
        response: { 200: meSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) =>
      presentMe(await accounts.updateProfile(requireViewer(request), request.body)),
  );

  api.put(
    '/api/v1/me/avatar',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Replace your avatar: send the image itself as the body (Content-Type image/...)',
        consumes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
        response: { 200: meSchema, ...problemResponses(401, 403, 413, 415) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError({
          type: 'unsupported-media-type',
          kind: 'unsupported-media-type',
          title: 'Send the image itself with an image/* Content-Type',
        });
      }
      return presentMe(await accounts.setAvatar(viewer, request.body));
    },
  );

  api.delete(
    '/api/v1/me/avatar',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Remove your avatar',
        response: { 200: meSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => presentMe(await accounts.removeAvatar(requireViewer(request))),
  );

  api.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change your password; every other session and token ends',
        body: changePasswordBody,
        response: {
          200: z.object({ endedSessions: z.number().int() }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { currentPassword, newPassword } = request.body;
      return {
        endedSessions: await accounts.changePassword(
          requireViewer(request),
          currentPassword,
          newPassword,
        ),
      };
    },
  );

  api.delete(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Delete your account and everything of it',
        body: deleteAccountBody,
        response: { 204: z.null(), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await accounts.deleteAccount(requireViewer(request), request.body.password);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Your logins and API tokens, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(sessionSummarySchema), ...problemResponses(400, 401) },
      },
    },
    async (request) =>
      sessions.listSessions(requireViewer(request), request.query.limit, request.query.cursor),
  );

  api.delete(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'End a login or revoke an API token',
        params: sessionIdParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await sessions.revokeSession(requireViewer(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/v1/me/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token for another client',
        body: createTokenBody,
        response: { 201: createdTokenSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return sessions.createToken(requireViewer(request), request.body.label);
    },
  );

  api.get(
    '/avatars/:accountId/:file',
    { schema: { hide: true, params: avatarParams } },
    async (request, reply) => {
      const key = `${accountBlobPrefix(request.params.accountId)}avatar/${request.params.file}`;
      // Avatar keys are content-addressed: a new avatar is a new URL, so cache forever.
      return sendBlob(request, reply, blobs, key, 'immutable');
    },
  );
}
