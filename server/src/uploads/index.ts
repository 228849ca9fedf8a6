// The uploads capability's door.
export { UploadsService, UPLOADS_PATH } from './uploads.service.js';
export { uploadsRoutes } from './uploads.routes.js';
export { createUploadLockArbiter } from './upload-locks.js';
