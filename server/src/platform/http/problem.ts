// RFC 9457 problem details: every error leaves the server as application/problem+json with a
// stable `type`. AppError kinds map to statuses here and only here.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError, type ErrorKind } from '../errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  unavailable: 503,
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
};

/** `type` is the slug; the wire value is `/problems/<slug>`. */
export function sendProblem(
  reply: FastifyReply,
  problem: {
    type: string;
    title: string;
    status: number;
    detail?: string;
    instance?: string | undefined;
  } & Record<string, unknown>,
) {
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problem, type: `/problems/${problem.type}` });
}

/** Fastify's own error codes that are the client's fault, with our stable slugs. */
const fastifyClientErrors: Record<string, { type: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    type: 'malformed-json',
    title: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { type: 'malformed-json', title: 'The JSON request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { type: 'body-too-large', title: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    type: 'unsupported-media-type',
    title: 'This content type is not accepted here',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    type: 'invalid-content-length',
    title: 'The Content-Length does not match the body',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    type: 'unsupported-media-type',
    title: 'The Content-Type header is not valid',
  },
  FST_ERR_VALIDATION: { type: 'invalid-request', title: 'The request is not valid' },
  FST_ERR_BAD_URL: { type: 'bad-url', title: 'The URL is not valid' },
};

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const instance = request.url.split('?')[0];
    if (error instanceof AppError) {
      return sendProblem(reply, {
        type: error.type,
        title: error.title,
        status: statusOfKind[error.kind],
        ...(error.detail ? { detail: error.detail } : {}),
        instance,
        ...error.extensions,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, {
        type: 'invalid-request',
        title: 'The request is not valid',
        status: 400,
        detail: error.validation
          .map((v) => `${v.instancePath || error.validationContext || 'request'}: ${v.message}`)
          .join('; '),
        instance,
        errors: error.validation.map((v) => ({
          in: error.validationContext,
          path: v.instancePath,
          message: v.message,
        })),
      });
    }
    const known = error.code ? fastifyClientErrors[error.code] : undefined;
    if (
      known ||
      (error.statusCode &&
        error.statusCode >= 400 &&
        error.statusCode < 500 &&
        !isResponseSerializationError(error))
    ) {
      return sendProblem(reply, {
        type: known?.type ?? 'bad-request',
        title: known?.title ?? 'Bad request',
        status: error.statusCode ?? 400,
        detail: error.message,
        instance,
      });
    }
    // Unexpected: log everything, reveal nothing but the correlation id.
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, {
      type: 'internal',
      title: 'Something went wrong on our side',
      status: 500,
      detail: `Quote this id if you report it: ${request.id}`,
      instance,
      requestId: request.id,
    });
  });
}
