// Request and response shapes of the accounts API: validation and OpenAPI from one source.
import { z } from 'zod';
import { userText } from '../platform/http/index.js';

// Handles: 2–24 of a–z, 0–9, "_" and "."; no leading, trailing or doubled ".". Case is kept
// for display, but uniqueness ignores it.
export const HANDLE_PATTERN = /^(?=.{2,24}$)[A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?!\.))*[A-Za-z0-9_]$/;

export const handleSchema = z
  .string()
  .regex(
    HANDLE_PATTERN,
    'a handle is 2–24 letters, digits, "_" or "." (not first, last or twice in a row)',
  )
  .meta({ example: 'ana.lopez' });

/** A handle to look up: its characters only (anything else cannot name an account, and a NUL
 * would not even reach PostgreSQL). */
const handleLookupSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.]{1,64}$/, 'a handle: letters, digits, "_" and "."');

export const passwordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters');

export const displayNameSchema = userText({ max: 50 });
export const bioSchema = userText({ max: 300, isMultiline: true });

export const signUpBody = z.strictObject({
  handle: handleSchema,
  password: passwordSchema,
  displayName: displayNameSchema.optional(),
});

export const logInBody = z.strictObject({
  handle: handleLookupSchema,
  password: z.string().max(256),
});

export const updateProfileBody = z
  .strictObject({ displayName: displayNameSchema, bio: bioSchema })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'send at least one of displayName, bio');

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().max(256),
  newPassword: passwordSchema,
});

export const deleteAccountBody = z.strictObject({ password: z.string().max(256) });

export const createTokenBody = z.strictObject({ label: userText({ min: 1, max: 60 }) });

export const profileSchema = z
  .object({
    id: z.uuid(),
    handle: z.string(),
    displayName: z.string(),
    bio: z.string(),
    avatarUrl: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Profile' });

export const meSchema = profileSchema
  .extend({ isAdmin: z.boolean(), homeRegion: z.string() })
  .meta({ id: 'Me' });

export const sessionStateSchema = z
  .object({
    account: meSchema.nullable(),
    csrfToken: z.string().nullable().describe('Send it as x-csrf-token on every change.'),
  })
  .meta({ id: 'SessionState' });

export const sessionSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['cookie', 'token']),
    label: z.string(),
    userAgent: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    isCurrent: z.boolean(),
  })
  .meta({ id: 'SessionSummary' });

export const createdTokenSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    token: z.string().describe('Shown once. Send as Authorization: Bearer <token>.'),
  })
  .meta({ id: 'CreatedToken' });

export const handleParams = z.strictObject({ handle: handleLookupSchema });
export const sessionIdParams = z.strictObject({ id: z.string().regex(/^[a-f0-9]{64}$/) });
export const avatarParams = z.strictObject({
  accountId: z.uuid(),
  file: z.string().regex(/^[a-f0-9]{16}\.webp$/),
});
