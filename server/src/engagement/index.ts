// The engagement capability's door: likes, favourites, shares, views, the per-video counters,
// and the listed-video shape every video list uses.
export {
  EngagementStore,
  selectListedVideos,
  selectVideosWithCreator,
} from './engagement.store.js';
export {
  EngagementService,
  ENGAGEMENT_EVENTS,
  MIN_VIEW_MS,
  viewerKeyOf,
  isWatchedEnough,
} from './engagement.service.js';
export type { ListedVideo, VideoLikeEvent } from './engagement.service.js';
export { engagementRoutes } from './engagement.routes.js';
export { engagementJobs, DELETE_EXPIRED_MARKS_JOB } from './engagement.jobs.js';
export { listedVideoSchema, videoStatsSchema } from './engagement.schemas.js';
