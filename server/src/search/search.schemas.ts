// Request and response shapes of the search and hashtags API.
import { z } from 'zod';
import { profileSchema } from '../accounts/index.js';
import { userText } from '../platform/http/index.js';

/** What someone typed: no control characters (PostgreSQL cannot even hold a NUL). */
const queryText = userText({ min: 1, max: 100 });

export const searchQuery = z.strictObject({
  q: queryText,
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const shortSearchQuery = z.strictObject({
  q: queryText,
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const typeaheadQuery = z.strictObject({ q: queryText });

export const hashtagCountSchema = z
  .object({
    tag: z.string().describe('Without "#", lowercase'),
    videoCount: z.number().int(),
    viewCount: z.number().int(),
  })
  .meta({ id: 'HashtagCount' });

export const typeaheadSchema = z
  .object({ accounts: z.array(profileSchema), hashtags: z.array(hashtagCountSchema) })
  .meta({ id: 'Typeahead' });

export const tagParams = z.strictObject({ tag: userText({ min: 1, max: 101 }) });

export const trendingQuery = z.strictObject({
  windowHours: z.coerce.number().int().min(1).max(720).default(72),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
