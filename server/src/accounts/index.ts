// The accounts capability's door: what other parts of Shortwave may use.
export { AccountsStore } from './accounts.store.js';
export {
  AccountsService,
  presentProfile,
  presentMe,
  accountBlobPrefix,
  avatarUrlOf,
} from './accounts.service.js';
export type { Profile, Me } from './accounts.service.js';
export { SessionsService } from './sessions.service.js';
export { sessionRoutes } from './session.routes.js';
export { accountsRoutes } from './accounts.routes.js';
export { accountsJobs, DELETE_EXPIRED_SESSIONS_JOB } from './accounts.jobs.js';
export { handleParams, handleSchema, profileSchema } from './accounts.schemas.js';
