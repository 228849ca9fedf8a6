import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

describe('keyset pagination', () => {
  it('round-trips a cursor of sort-key values', () => {
    const cursor = encodeCursor(['2026-01-01T00:00:00.000Z', 'abc', 3]);
    expect(decodeCursor(cursor, 3)).toEqual(['2026-01-01T00:00:00.000Z', 'abc', 3]);
  });

  it.each([
    ['not base64 json', 'a'.repeat(10)],
    ['wrong arity', encodeCursor(['x'])],
    ['objects inside', Buffer.from(JSON.stringify([{ a: 1 }, 'b'])).toString('base64url')],
  ])('rejects a tampered cursor (%s) as invalid input', (_name, cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrowError(AppError);
  });

  it('uses the extra row only to know there is a next page', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const page = toPage(
      rows,
      2,
      (row) => [row.n],
      (row) => row.n * 10,
    );
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual([2]);
    const last = toPage(
      rows.slice(0, 2),
      2,
      (row) => [row.n],
      (row) => row.n,
    );
    expect(last.nextCursor).toBeNull();
  });
});
