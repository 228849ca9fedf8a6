// The For You cursor: the page seed and the ids already served in this session (never served
// twice, even before the client reports their impressions), packed as 16-byte ids.
import { invalidCursor } from '../platform/http/index.js';

/** Ids a cursor remembers (the latest ones served). */
export const SERVED_MEMORY = 100;

export function writeForYouCursor(seed: number, served: readonly string[]): string {
  const ids = Buffer.concat(served.map((id) => Buffer.from(id.replaceAll('-', ''), 'hex')));
  return `${seed}.${ids.toString('base64url')}`;
}

export function readForYouCursor(cursor: string): { seed: number; served: string[] } {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]*)$/.exec(cursor);
  if (!match) throw invalidCursor();
  const bytes = Buffer.from(match[2]!, 'base64url');
  if (bytes.length % 16 !== 0 || bytes.length / 16 > SERVED_MEMORY) throw invalidCursor();
  const served: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const hex = bytes.subarray(offset, offset + 16).toString('hex');
    served.push(
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    );
  }
  return { seed: Number(match[1]), served };
}
