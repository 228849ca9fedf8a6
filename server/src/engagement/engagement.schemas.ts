// Request and response shapes of the engagement API, and the listed-video shape every video
// list (feeds, profiles, search, hashtags, favourites) uses.
import { z } from 'zod';
import { videoSchema } from '../videos/index.js';

export const videoIdParams = z.strictObject({ id: z.uuid() });

export const videoStatsSchema = z
  .object({
    likeCount: z.number().int(),
    saveCount: z.number().int(),
    commentCount: z.number().int(),
    shareCount: z.number().int(),
    viewCount: z.number().int(),
  })
  .meta({ id: 'VideoStats' });

export const viewerStateSchema = z
  .object({ hasLiked: z.boolean(), hasSaved: z.boolean() })
  .describe('What you did with this video (false when signed out)')
  .meta({ id: 'ViewerState' });

export const engagementSchema = z
  .object({ stats: videoStatsSchema, viewerState: viewerStateSchema })
  .meta({ id: 'Engagement' });

export const listedVideoSchema = videoSchema
  .extend({ stats: videoStatsSchema, viewerState: viewerStateSchema })
  .meta({ id: 'ListedVideo' });

/** A client id the app generates once and keeps (localStorage), for signed-out viewers. */
const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/)
  .describe('Signed out: a random id your app keeps, so your views count once');

export const viewBody = z.strictObject({
  watchedMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000)
    .describe('How long the video played in this session, replays included'),
  clientId: clientIdSchema.optional(),
});

export const viewResultSchema = z
  .object({
    isCounted: z
      .boolean()
      .describe(
        'A view counts once per viewer per 24 h, after 3 s (or half of a shorter video); your own views do not count',
      ),
    viewCount: z.number().int(),
  })
  .meta({ id: 'ViewResult' });

export const shareBody = z.strictObject({ clientId: clientIdSchema.optional() });

export const shareResultSchema = z
  .object({
    isCounted: z.boolean().describe('A share counts once per viewer per 24 h'),
    shareCount: z.number().int(),
    url: z.string().describe('The public watch page to share'),
  })
  .meta({ id: 'ShareResult' });
