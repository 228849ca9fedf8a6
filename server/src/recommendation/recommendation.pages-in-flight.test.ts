// The learner's yield to pages: at once when none is in flight, else until the last ends or the
// bound passes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PagesInFlight } from './recommendation.pages-in-flight.js';

/** A promise to hold a page open with, and the function that ends it. */
function deferred() {
  let settle!: () => void;
  const promise = new Promise<void>((resolve) => (settle = resolve));
  return { promise, settle };
}

/** Whether `promise` has settled once pending callbacks and timers due now have run. */
async function hasSettled(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PagesInFlight', () => {
  it('lets the learner go on at once when no page is being built', () => {
    expect(new PagesInFlight().yieldTo(25)).toBeUndefined();
  });

  it('holds the learner until the last page in flight ends', async () => {
    const pages = new PagesInFlight();
    const first = deferred();
    const second = deferred();
    const built = [pages.around(() => first.promise), pages.around(() => second.promise)];
    const waiting = pages.yieldTo(1_000)!;
    expect(await hasSettled(waiting)).toBe(false);
    first.settle();
    expect(await hasSettled(waiting)).toBe(false);
    second.settle();
    expect(await hasSettled(waiting)).toBe(true);
    await Promise.all(built);
    expect(pages.yieldTo(1_000)).toBeUndefined();
  });

  it('holds the learner no longer than the bound, though pages keep coming', async () => {
    const pages = new PagesInFlight();
    const page = deferred();
    const built = pages.around(() => page.promise);
    const waiting = pages.yieldTo(25)!;
    await vi.advanceTimersByTimeAsync(24);
    expect(await hasSettled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await hasSettled(waiting)).toBe(true);
    page.settle();
    await built;
  });

  it('counts a page that fails as ended', async () => {
    const pages = new PagesInFlight();
    await expect(pages.around(() => Promise.reject(new Error('no page')))).rejects.toThrow(
      'no page',
    );
    expect(pages.yieldTo(25)).toBeUndefined();
  });
});
