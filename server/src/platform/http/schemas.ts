// Schema pieces every capability uses, so that all text fields obey the same rules.
import { z } from 'zod';

// C0 controls except tab and newline, DEL, C1 controls, and lone surrogates: PostgreSQL cannot
// store NUL, and the rest only ever arrive to spoof or break a layout.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** User-written text: NFC-normalised, trimmed, length-limited, without control characters. */
export function userText(options: { max: number; min?: number; isMultiline?: boolean }) {
  const forbidden = options.isMultiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE;
  return z
    .string()
    .refine((value) => value.isWellFormed(), 'contains an invalid Unicode sequence')
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(options.min ?? 0, `must be at least ${options.min ?? 0} characters`)
        .max(options.max, `must be at most ${options.max} characters`)
        .refine((value) => !forbidden.test(value), 'contains control characters'),
    );
}

export const problemSchema = z
  .object({
    type: z.string().describe('A stable identifier: /problems/<slug>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
  })
  .loose()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** The error responses a route documents, all problem+json. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema]));
}

export const uuidParam = z.uuid();
