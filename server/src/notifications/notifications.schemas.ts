// Request and response shapes of the notifications API.
import { z } from 'zod';
import { profileSchema } from '../accounts/index.js';
import { NOTIFICATION_KINDS } from './notification-kinds.js';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    summary: z
      .string()
      .describe('The sentence to show, in English: "Ana and 12 others liked your video"'),
    actors: z.array(profileSchema).describe('The most recent three people behind it'),
    actorCount: z.number().int().describe('Everyone behind it (for grouped likes and follows)'),
    video: z
      .object({ id: z.uuid(), caption: z.string(), posterUrl: z.string().nullable() })
      .nullable(),
    comment: z.object({ id: z.uuid(), body: z.string() }).nullable(),
    details: z.record(z.string(), z.string()),
    isRead: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().describe('The latest activity (a grouped one moves up)'),
  })
  .meta({ id: 'Notification' });

export const unreadCountSchema = z
  .object({ unreadCount: z.number().int() })
  .meta({ id: 'UnreadCount' });

export const markReadBody = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);
