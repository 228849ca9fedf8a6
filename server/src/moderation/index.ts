// The moderation capability's door: reports, the admin queue, takedowns and suspensions.
export { ModerationStore } from './moderation.store.js';
export { ModerationService, MODERATION_EVENTS, REPORT_REASONS } from './moderation.service.js';
export type { ContentRemovedEvent, ReportResolvedEvent } from './moderation.service.js';
export { moderationRoutes } from './moderation.routes.js';
