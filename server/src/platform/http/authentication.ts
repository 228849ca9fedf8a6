// Who is asking: a cookie session (the web client) or a bearer token (other clients). Cookie-
// authenticated changes must carry the session's CSRF token; bearer requests cannot be forged by
// another site, so they need none.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../errors.js';

export const SESSION_COOKIE = 'sw_session';
export const CSRF_HEADER = 'x-csrf-token';

export type Viewer = {
  accountId: string;
  handle: string;
  isAdmin: boolean;
  sessionId: string;
  via: 'cookie' | 'token';
  csrfToken: string | null;
};

export type ResolveSecret = (secret: string, kind: 'cookie' | 'token') => Promise<Viewer | null>;

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
  interface FastifyContextConfig {
    /**
     * The route also accepts the CSRF token in its body (navigator.sendBeacon cannot set
     * headers); it must then call assertCsrfToken itself once the body is parsed.
     */
    isCsrfTokenInBody?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(app: FastifyInstance, resolveSecret: ResolveSecret) {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    rejectCrossOriginChange(request);
    const bearer = readBearer(request.headers.authorization);
    if (bearer !== undefined) {
      request.viewer = await resolveSecret(bearer, 'token');
      if (!request.viewer) throw invalidToken();
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    request.viewer = await resolveSecret(cookie, 'cookie');
    if (request.viewer && !SAFE_METHODS.has(request.method)) {
      const isDeferred =
        request.routeOptions.config.isCsrfTokenInBody === true &&
        request.headers[CSRF_HEADER] === undefined;
      if (!isDeferred) assertCsrfToken(request, request.viewer);
    }
  });
}

/** The signed-in viewer, or a 401. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw unauthenticated();
  return request.viewer;
}

export function requireAdmin(request: FastifyRequest): Viewer {
  const viewer = requireViewer(request);
  if (!viewer.isAdmin) {
    throw new AppError({
      type: 'admin-only',
      kind: 'forbidden',
      title: 'Only administrators can do this',
    });
  }
  return viewer;
}

function readBearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw invalidToken();
  return match[1];
}

const invalidToken = () =>
  new AppError({
    type: 'invalid-token',
    kind: 'unauthenticated',
    title: 'The API token is not valid',
    detail: 'It may have been revoked, or its account deleted. Create a new token in Settings.',
  });

/** A cookie session's change must carry its CSRF token (in the header, or `sent` from a body). */
export function assertCsrfToken(
  request: FastifyRequest,
  viewer: Viewer,
  sent: unknown = request.headers[CSRF_HEADER],
) {
  const expected = viewer.csrfToken;
  const isValid =
    typeof sent === 'string' &&
    expected !== null &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!isValid) {
    throw new AppError({
      type: 'csrf-token-invalid',
      kind: 'forbidden',
      title: 'Missing or wrong CSRF token',
      detail: `Changes made with a session cookie must send the session's CSRF token in the ${CSRF_HEADER} header.`,
    });
  }
}

/** A browser always sends Origin on cross-site changes; it must be our own host. */
function rejectCrossOriginChange(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (SAFE_METHODS.has(request.method) || !origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = '';
  }
  if (originHost !== request.host) {
    throw new AppError({
      type: 'cross-origin-request',
      kind: 'forbidden',
      title: 'Cross-site requests cannot change anything here',
    });
  }
}
