// Response shapes of the profiles API.
import { z } from 'zod';
import { listedVideoSchema } from '../engagement/index.js';
import { relationshipSchema } from '../social/index.js';

export const profileVideoSchema = listedVideoSchema
  .extend({ isPinned: z.boolean() })
  .meta({ id: 'ProfileVideo' });

export const profileStatsSchema = z
  .object({
    followerCount: z.number().int(),
    followingCount: z.number().int(),
    likeCount: z.number().int().describe('Likes received on all of their videos'),
    videoCount: z.number().int().describe('Videos of theirs you can see'),
    isPrivate: z.boolean(),
    canSeeVideos: z
      .boolean()
      .describe('False for a private account you do not follow: send a follow request'),
    relationship: relationshipSchema.nullable().describe('Null when signed out or your own'),
  })
  .meta({ id: 'ProfileStats' });

export const pinParams = z.strictObject({ id: z.uuid() });
