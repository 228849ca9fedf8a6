// Sign up, log in, log out, and "who am I" for the web client.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, requireViewer, SESSION_COOKIE } from '../platform/http/index.js';
import type { AccountsService } from './accounts.service.js';
import { presentMe } from './accounts.service.js';
import { logInBody, sessionStateSchema, signUpBody } from './accounts.schemas.js';
import type { SessionsService, StartedSession } from './sessions.service.js';

export type SessionRoutesOptions = {
  accounts: AccountsService;
  sessions: SessionsService;
  isSecureOrigin: boolean;
  authRateLimitPerMinute: number;
};

export async function sessionRoutes(app: FastifyInstance, options: SessionRoutesOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { accounts, sessions } = options;
  const authRateLimit = { rateLimit: { max: options.authRateLimitPerMinute, timeWindow: 60_000 } };

  const setSessionCookie = (reply: FastifyReply, session: StartedSession) =>
    reply.setCookie(SESSION_COOKIE, session.secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.isSecureOrigin,
      path: '/',
      expires: session.expiresAt,
    });

  api.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in account and its CSRF token, or nulls',
        response: { 200: sessionStateSchema },
      },
    },
    async (request) => {
      if (!request.viewer) return { account: null, csrfToken: null };
      const account = await accounts.getById(request.viewer.accountId);
      return { account: presentMe(account), csrfToken: request.viewer.csrfToken };
    },
  );

  api.post(
    '/api/v1/accounts',
    {
      config: authRateLimit,
      schema: {
        tags: ['accounts'],
        summary: 'Sign up; starts a session',
        body: signUpBody,
        response: { 201: sessionStateSchema, ...problemResponses(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const { account, session } = await accounts.signUp(
        request.body,
        request.headers['user-agent'] ?? '',
      );
      setSessionCookie(reply, session).code(201);
      return { account: presentMe(account), csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/api/v1/session',
    {
      config: authRateLimit,
      schema: {
        tags: ['accounts'],
        summary: 'Log in',
        body: logInBody,
        response: { 200: sessionStateSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { account, session } = await sessions.logIn(
        request.body.handle,
        request.body.password,
        request.headers['user-agent'] ?? '',
      );
      setSessionCookie(reply, session);
      return { account: presentMe(account), csrfToken: session.csrfToken };
    },
  );

  api.delete(
    '/api/v1/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Log out (ends this session or revokes this token)',
        response: { 204: z.null(), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await sessions.logOut(requireViewer(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
