// The server's account rules (server/src/accounts/accounts.schemas.ts), checked as the user
// types so most mistakes never make a round trip. The server stays the judge: its answer is
// shown the same way.

export const HANDLE_MIN = 2;
export const HANDLE_MAX = 24;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MAX = 50;
export const BIO_MAX = 300;
export const TOKEN_LABEL_MAX = 60;
export const AVATAR_MAX_BYTES = 10 * 1024 * 1024;

/** C0 and C1 control characters; multi-line text may keep tab (9) and line feed (10). */
function hasControlCharacters(value: string, isMultiline: boolean): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const isControl = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
    if (isControl && !(isMultiline && (code === 0x09 || code === 0x0a))) return true;
  }
  return false;
}

/** People type "@ana" as often as "ana"; the @ is not part of the handle. */
export function normaliseHandleInput(value: string): string {
  return value.trim().replace(/^@+/, '');
}

export function checkHandle(value: string): string | null {
  const handle = normaliseHandleInput(value);
  if (handle.length === 0) return 'Choose a handle.';
  if (handle.length < HANDLE_MIN) return `A handle has at least ${HANDLE_MIN} characters.`;
  if (handle.length > HANDLE_MAX) return `A handle has at most ${HANDLE_MAX} characters.`;
  if (/[^A-Za-z0-9_.]/.test(handle)) return 'Use only letters, digits, “_” and “.”.';
  if (handle.startsWith('.') || handle.endsWith('.') || handle.includes('..'))
    return 'A “.” cannot come first, last or twice in a row.';
  return null;
}

export function checkNewPassword(value: string): string | null {
  if (value.length === 0) return 'Choose a password.';
  if (value.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (value.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  return null;
}

/** Length as the server counts it: after Unicode normalisation and trimming. */
export function countUserText(value: string): number {
  return value.normalize('NFC').trim().length;
}

function checkUserText(value: string, max: number, isMultiline: boolean): string | null {
  if (countUserText(value) > max) return `Use at most ${max} characters.`;
  if (hasControlCharacters(value, isMultiline)) return 'Remove the invisible control characters.';
  return null;
}

export function checkDisplayName(value: string): string | null {
  return checkUserText(value, DISPLAY_NAME_MAX, false);
}

export function checkBio(value: string): string | null {
  return checkUserText(value, BIO_MAX, true);
}

export function checkTokenLabel(value: string): string | null {
  if (countUserText(value) === 0) return 'Name the token so you can recognise it later.';
  return checkUserText(value, TOKEN_LABEL_MAX, false);
}
