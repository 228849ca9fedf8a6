// The videos capability's door.
export { VideosStore } from './videos.store.js';
export type { VideoWithCreator } from './videos.store.js';
export {
  VideosService,
  VIDEO_UPLOADED_JOB,
  VIDEO_EVENTS_CHANNEL,
  VIDEO_EVENTS,
} from './videos.service.js';
export type { VideoEvent, VideoLifecycleEvent } from './videos.service.js';
export { videosRoutes } from './videos.routes.js';
export { videosJobs, DELETE_ABANDONED_DRAFTS_JOB } from './videos.jobs.js';
export { presentVideo, videoBlobPrefix, MEDIA_ROUTE_PREFIX } from './videos.presenter.js';
export type { PresentedVideo } from './videos.presenter.js';
export { parseHashtagsAndMentions } from './caption.js';
export type { Audience, AudienceLookup } from './visibility.js';
export { isVideoVisible } from './visibility.js';
export { videoSchema } from './videos.schemas.js';
