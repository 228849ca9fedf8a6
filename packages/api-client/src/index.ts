// The typed Shortwave API client, generated from docs/openapi.json (`npm run generate`) and used
// by the web client and the end-to-end tests. Errors arrive as ApiProblem (RFC 9457).
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { paths, components };
export type Schemas = components['schemas'];
export type ShortwaveClient = Client<paths>;

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [key: string]: unknown;
};

export class ApiProblem extends Error {
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly body: ProblemBody;

  constructor(body: ProblemBody) {
    super(body.detail ?? body.title);
    this.name = 'ApiProblem';
    this.type = body.type;
    this.status = body.status;
    this.title = body.title;
    this.detail = body.detail;
    this.body = body;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createApiClient(options: {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The session's CSRF token, sent on every change (cookie sessions). */
  getCsrfToken?: () => string | null;
  /** An API token for non-browser clients. */
  bearerToken?: string;
}): ShortwaveClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const authentication: Middleware = {
    onRequest({ request }) {
      if (options.bearerToken)
        request.headers.set('authorization', `Bearer ${options.bearerToken}`);
      const csrfToken = options.getCsrfToken?.();
      if (csrfToken && UNSAFE_METHODS.has(request.method))
        request.headers.set('x-csrf-token', csrfToken);
      return request;
    },
  };
  client.use(authentication);
  return client;
}

/** The data of a successful call, or an ApiProblem thrown for an error answer. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw new ApiProblem(toProblem(error, response));
}

function toProblem(error: unknown, response: Response): ProblemBody {
  if (typeof error === 'object' && error !== null && 'type' in error && 'title' in error) {
    return error as ProblemBody;
  }
  return {
    type: '/problems/http-error',
    title: response.statusText || 'Request failed',
    status: response.status,
  };
}
