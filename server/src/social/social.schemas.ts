// Request and response shapes of the social API.
import { z } from 'zod';
import { profileSchema } from '../accounts/index.js';

export const followStatusSchema = z
  .enum(['following', 'requested', 'none'])
  .describe('requested: a private account has not answered your request yet')
  .meta({ id: 'FollowStatus' });

export const followResultSchema = z
  .object({ following: followStatusSchema })
  .meta({ id: 'FollowResult' });

export const relationshipSchema = z
  .object({
    following: followStatusSchema,
    isFollowedBy: z.boolean(),
    isBlocking: z.boolean(),
    isMuting: z.boolean(),
  })
  .meta({ id: 'Relationship' });

export const privacySchema = z.object({ isPrivate: z.boolean() }).meta({ id: 'Privacy' });
export const privacyBody = z.strictObject({
  isPrivate: z
    .boolean()
    .describe(
      'Private: follows become requests you approve, and only approved followers see your videos and lists. Going public accepts every pending request.',
    ),
});

export const suggestionsQuery = z.strictObject({
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional()
    .describe('Defaults to the first language of Accept-Language'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const followSuggestionSchema = z
  .object({
    account: profileSchema,
    reason: z.enum(['followed-by-people-you-follow', 'popular-in-your-language']),
    mutualFollowCount: z.number().int(),
  })
  .meta({ id: 'FollowSuggestion' });
