// Request and response shapes of the For You API: viewing events, the page, history and hidden
// creators. Validation and the OpenAPI document come from here.
import { VIEWER_EVENT_KINDS } from '@shortwave/ranking';
import { z } from 'zod';
import { listedVideoSchema } from '../engagement/index.js';
import { pageSchema } from '../platform/http/index.js';

export const MAX_EVENTS_PER_BATCH = 100;

/** The same shape as the engagement API's clientId, so an app can keep one id for both. */
const anonymousIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/)
  .describe('Signed out: the random id your app generates once and keeps (localStorage)');

export const feedEventSchema = z
  .strictObject({
    id: z.uuid().describe('A UUID your app generates per event: sending it again changes nothing'),
    kind: z.enum(VIEWER_EVENT_KINDS),
    videoId: z.uuid(),
    watchedMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000)
      .optional()
      .describe('watch-progress: milliseconds of the video watched in this view so far'),
    occurredAt: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('When it happened, ms since the epoch (clamped to the last 24 h); default: now'),
  })
  .refine((event) => event.kind !== 'watch-progress' || event.watchedMs !== undefined, {
    message: 'watch-progress events need watchedMs',
    path: ['watchedMs'],
  })
  .meta({ id: 'FeedEvent' });

export const feedEventsBody = z
  .strictObject({
    events: z.array(feedEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
    anonymousId: anonymousIdSchema.optional(),
    csrfToken: z
      .string()
      .max(256)
      .optional()
      .describe(
        'Signed in with the session cookie and sent with navigator.sendBeacon (which cannot set headers): the CSRF token',
      ),
  })
  .meta({
    id: 'FeedEventBatch',
    description: 'application/json, or text/plain holding the same JSON (navigator.sendBeacon)',
  });

export const feedEventsResultSchema = z
  .object({
    accepted: z.number().int().describe('Events learnt now'),
    duplicates: z.number().int().describe('Events already received before (ignored)'),
  })
  .meta({ id: 'FeedEventsResult' });

export const anonymousQuery = z.strictObject({ anonymousId: anonymousIdSchema.optional() });

export const forYouQuery = z.strictObject({
  cursor: z.string().max(4096).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  anonymousId: anonymousIdSchema.optional(),
});

export const forYouReasonSchema = z
  .object({
    kind: z
      .string()
      .describe(
        'followed-creator | watched-creator | watched-hashtag | co-watched | trending | popular | fresh-upload | new-creator | exploration',
      ),
    text: z.string().describe('The sentence to show under "Why am I seeing this?"'),
  })
  .meta({ id: 'ForYouReason' });

export const forYouItemSchema = z
  .object({ video: listedVideoSchema, reasons: z.array(forYouReasonSchema) })
  .meta({ id: 'ForYouItem' });

export const forYouPageSchema = pageSchema(forYouItemSchema);

export const watchHistoryEntrySchema = z
  .object({
    video: listedVideoSchema,
    watchedAt: z.iso.datetime().describe('Your latest event on this video'),
    watchRatio: z.number().describe('The largest share of the video you watched in one view, 0..1'),
  })
  .meta({ id: 'WatchHistoryEntry' });

export const hiddenCreatorSchema = z
  .object({ handle: z.string(), displayName: z.string(), hiddenAt: z.iso.datetime() })
  .meta({ id: 'HiddenCreator' });

export const videoIdParams = z.strictObject({ videoId: z.uuid() });
