// The search capability's door: accounts, videos and hashtags search, typeahead, hashtag pages
// and trending hashtags.
export { SearchStore } from './search.store.js';
export { SearchService, normaliseTag } from './search.service.js';
export { searchRoutes } from './search.routes.js';
