// The feed capability's door: the chronological Following and Recent feeds (For You joins them
// here when the ranking engine lands).
export { FeedStore } from './feed.store.js';
export { FeedService } from './feed.service.js';
export { feedRoutes } from './feed.routes.js';
