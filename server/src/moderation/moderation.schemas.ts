// Request and response shapes of the reporting and moderation API.
import { z } from 'zod';
import { userText } from '../platform/http/index.js';
import { REPORT_REASONS } from './moderation.service.js';

const subjectKind = z.enum(['video', 'comment', 'account']);

export const reportBody = z.strictObject({
  subject: z.strictObject({ kind: subjectKind, id: z.uuid() }),
  reason: z.enum(REPORT_REASONS),
  details: userText({ max: 1000, isMultiline: true }).optional(),
});

export const filedReportSchema = z
  .object({ id: z.uuid(), status: z.enum(['open', 'dismissed', 'actioned']) })
  .meta({ id: 'FiledReport' });

export const reportSchema = z
  .object({
    id: z.uuid(),
    subject: z.object({
      kind: subjectKind,
      id: z.uuid(),
      account: z.object({ id: z.uuid(), handle: z.string() }),
      text: z.string().nullable().describe('The caption or comment reported'),
    }),
    reason: z.string(),
    details: z.string(),
    reporter: z.object({ id: z.uuid(), handle: z.string() }),
    status: z.enum(['open', 'dismissed', 'actioned']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Report' });

export const reportIdParams = z.strictObject({ id: z.uuid() });

const reasonText = userText({ min: 1, max: 1000, isMultiline: true }).describe(
  'Why: recorded, and shown to the author when content is removed or an account suspended',
);
export const dismissBody = z.strictObject({ reason: reasonText });
export const actionBody = z.strictObject({
  action: z.enum(['remove-content', 'suspend-account']),
  reason: reasonText,
});

export const moderationActionSchema = z
  .object({
    id: z.uuid(),
    action: z.enum(['dismiss', 'remove-content', 'suspend-account']),
    admin: z.object({ id: z.uuid().nullable(), handle: z.string() }),
    reportId: z.uuid().nullable(),
    subject: z.object({ kind: subjectKind, id: z.uuid(), accountId: z.uuid().nullable() }),
    reason: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ModerationAction' });
