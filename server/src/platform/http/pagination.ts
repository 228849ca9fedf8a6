// Keyset pagination, the one way lists page through the API: an opaque cursor holds the sort key
// of the last row served; the next page starts strictly after it. Never OFFSET.
import { z } from 'zod';
import { AppError } from '../errors.js';

export type Page<T> = { items: T[]; nextCursor: string | null };

export type CursorValue = string | number;

export const pageQuerySchema = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with `arity` values; anything else is a 400. */
export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the problem below
  }
  throw invalidCursor();
}

/** A cursor that decodes but does not hold what this list pages by. */
export const invalidCursor = () =>
  new AppError({
    type: 'invalid-cursor',
    kind: 'invalid',
    title: 'The page cursor is not valid',
    detail: 'Use the nextCursor value from the previous page, unchanged.',
  });

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says there is more.
 * `keyOf` returns the sort key of a row, in the same order as the query's ORDER BY.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorValue[],
  present: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
