// Request and response shapes of the videos API.
import { z } from 'zod';
import { userText } from '../platform/http/index.js';
import { MAX_CAPTION_LENGTH } from './caption.js';

export const visibilitySchema = z
  .enum(['public', 'followers', 'private'])
  .describe('public: everyone; followers: people who follow you; private: only you');
export const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en" or "pt-BR"')
  .nullable();

const videoFields = {
  caption: userText({ max: MAX_CAPTION_LENGTH, isMultiline: true }),
  visibility: visibilitySchema,
  commentsEnabled: z.boolean(),
  language: languageSchema,
};

export const createVideoBody = z.strictObject(videoFields).partial();
export const updateVideoBody = z
  .strictObject(videoFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');

export const videoIdParams = z.strictObject({ id: z.uuid() });

export const creatorSchema = z
  .object({
    id: z.uuid(),
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
  })
  .meta({ id: 'Creator' });

export const renditionSchema = z.object({
  name: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bandwidth: z.number().int(),
});

export const videoSchema = z
  .object({
    id: z.uuid(),
    creator: creatorSchema,
    caption: z.string(),
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()),
    visibility: visibilitySchema,
    commentsEnabled: z.boolean(),
    language: z.string().nullable(),
    state: z.enum(['uploading', 'processing', 'ready', 'failed']),
    failure: z.object({ code: z.string(), reason: z.string() }).nullable(),
    processingPercent: z.number().int().min(0).max(100),
    isPlayable: z
      .boolean()
      .describe('True as soon as the first rendition can play, before processing ends'),
    durationMs: z.number().int().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    playlistUrl: z.string().nullable().describe('HLS master playlist'),
    progressiveUrl: z
      .string()
      .nullable()
      .describe(
        'One rendition as a single MP4, for starting playback without an HLS player (once ready)',
      ),
    posterUrl: z.string().nullable(),
    thumbnailsUrl: z.string().nullable().describe('WebVTT map of the thumbnail sprite'),
    subtitles: z
      .object({
        url: z.string().describe('WebVTT'),
        language: z.string().nullable().describe('ISO 639 code as the source tagged it'),
      })
      .nullable()
      .describe('The text subtitles the uploaded file carried, if any'),
    renditions: z.array(renditionSchema),
    createdAt: z.iso.datetime(),
    readyAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Video' });

export const createdVideoSchema = z
  .object({
    video: videoSchema,
    upload: z.object({
      url: z.string().describe('tus 1.0.0 creation endpoint; send Upload-Metadata videoId=<id>'),
      maxSizeBytes: z.number().int(),
    }),
  })
  .meta({ id: 'CreatedVideo' });
