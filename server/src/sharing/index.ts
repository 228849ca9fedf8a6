// The sharing capability's door: public watch pages with link previews, and oEmbed.
export { SharingService } from './sharing.service.js';
export { sharingRoutes } from './sharing.routes.js';
