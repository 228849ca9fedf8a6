// The comments capability's door: comments and replies, comment likes, pins, keyword filters.
export { CommentsStore, commentVisibleTo } from './comments.store.js';
export { CommentsService, COMMENT_EVENTS } from './comments.service.js';
export type { CommentPostedEvent, CommentLikedEvent } from './comments.service.js';
export { commentsRoutes } from './comments.routes.js';
