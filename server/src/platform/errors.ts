// The one error type services throw. HTTP turns it into problem+json (RFC 9457); jobs read
// `isRetryable`. Services never throw HTTP exceptions.

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'unavailable';

export class AppError extends Error {
  readonly type: string;
  readonly kind: ErrorKind;
  readonly title: string;
  readonly detail: string | undefined;
  readonly isRetryable: boolean;
  readonly extensions: Record<string, unknown>;

  constructor(options: {
    /** A stable slug: the problem's `type` is `/problems/<slug>`. */
    type: string;
    kind: ErrorKind;
    title: string;
    detail?: string;
    isRetryable?: boolean;
    extensions?: Record<string, unknown>;
  }) {
    super(options.detail ?? options.title);
    this.name = 'AppError';
    this.type = options.type;
    this.kind = options.kind;
    this.title = options.title;
    this.detail = options.detail;
    this.isRetryable = options.isRetryable ?? options.kind === 'unavailable';
    this.extensions = options.extensions ?? {};
  }
}

export const notFound = (what: string, detail?: string) =>
  new AppError({ type: `${what}-not-found`, kind: 'not-found', title: `No such ${what}`, detail });

export const unauthenticated = () =>
  new AppError({
    type: 'unauthenticated',
    kind: 'unauthenticated',
    title: 'You need to log in',
    detail: 'Log in, or send an API token as `Authorization: Bearer <token>`.',
  });

export const forbidden = (detail: string) =>
  new AppError({ type: 'forbidden', kind: 'forbidden', title: 'Not allowed', detail });
