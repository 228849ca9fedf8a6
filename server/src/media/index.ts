// The media capability's door: processing jobs, delivery routes, progress events.
export { mediaJobs } from './media.jobs.js';
export { mediaRoutes } from './media.routes.js';
export { VideoEventsHub } from './video-events-hub.js';
export { startProcessingSweeper, sweepStaleProcessing } from './processing-sweeper.js';
export type { ProcessVideoDeps } from './process-video.js';
