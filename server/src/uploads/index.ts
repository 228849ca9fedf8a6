// The uploads capability's door.
export { UploadsService, UPLOADS_PATH } from './uploads.service.js';
export { uploadsRoutes } from './uploads.routes.js';
