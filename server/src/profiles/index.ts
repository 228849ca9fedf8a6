// The profiles capability's door: creators' video grids, pins, and profile counts.
export { ProfilesStore } from './profiles.store.js';
export { ProfilesService, MAX_PINNED_VIDEOS } from './profiles.service.js';
export { profilesRoutes } from './profiles.routes.js';
