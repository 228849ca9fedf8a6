export { registerProblemHandlers, sendProblem, PROBLEM_CONTENT_TYPE } from './problem.js';
export type { Problem } from './problem.js';
export {
  encodeCursor,
  decodeCursor,
  invalidCursor,
  toPage,
  pageQuerySchema,
  pageSchema,
} from './pagination.js';
export type { CursorValue, Page } from './pagination.js';
export {
  registerAuthentication,
  requireViewer,
  requireAdmin,
  assertCsrfToken,
  SESSION_COOKIE,
  CSRF_HEADER,
} from './authentication.js';
export type { Viewer, ResolveSecret } from './authentication.js';
export { registerRateLimits, deleteEndedRateLimitWindows } from './rate-limit.js';
export { registerOpenApi } from './openapi.js';
export { userText, problemSchema, problemResponses, uuidParam } from './schemas.js';
export { sendBlob } from './send-blob.js';
export { ServerTiming } from './server-timing.js';
