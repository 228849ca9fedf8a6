// The social capability's door: the follow graph, blocks and mutes, and the audience rules
// (who may see which account and video) that every list embeds.
export { SocialStore } from './social.store.js';
export { SocialService, SOCIAL_EVENTS } from './social.service.js';
export type { FollowEvent, Relationship } from './social.service.js';
export { SuggestionsService } from './suggestions.js';
export { socialRoutes } from './social.routes.js';
export { relationshipSchema } from './social.schemas.js';
export { accountNotFound, privateAccount } from './social.errors.js';
export {
  accountVisibleTo,
  videoVisibleTo,
  notMutedBy,
  isBlockedBetween,
  type AccountAlias,
} from './audience.js';
