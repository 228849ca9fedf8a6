// The notifications capability's door: recording (as jobs reacting to other capabilities'
// events), listing, unread counts, and live delivery to open pages.
export { NotificationsStore } from './notifications.store.js';
export { NotificationsService, NOTIFICATIONS_CHANNEL } from './notifications.service.js';
export type { PresentedNotification } from './notifications.service.js';
export { NotificationsHub } from './notifications-hub.js';
export { notificationsJobs, recordJobName } from './notifications.jobs.js';
export { notificationsRoutes } from './notifications.routes.js';
