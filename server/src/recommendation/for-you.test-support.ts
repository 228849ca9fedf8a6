// Helpers the For You tests share: sending event batches and reading pages through the HTTP API.
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestAccount } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';

/** A signed-in account, or a signed-out visitor known by the id their app keeps. */
export type Who = TestAccount | { anonymousId: string };

export const makeAnonymous = (): { anonymousId: string } => ({
  anonymousId: randomBytes(12).toString('base64url'),
});

export type EventBody = { id: string; kind: string; videoId: string; watchedMs?: number };

export const event = (kind: string, videoId: string, extra: { watchedMs?: number } = {}) => ({
  id: randomUUID(),
  kind,
  videoId,
  ...extra,
});

/** A full view: impression, play, progress to the end, completion. */
export const watchToTheEnd = (videoId: string, durationMs = 15_000): EventBody[] => [
  event('impression', videoId),
  event('play', videoId),
  event('watch-progress', videoId, { watchedMs: durationMs }),
  event('completion', videoId),
];

/** Seen, played for a moment, swiped away. */
export const skip = (videoId: string): EventBody[] => [
  event('impression', videoId),
  event('play', videoId),
  event('watch-progress', videoId, { watchedMs: 400 }),
  event('quick-skip', videoId),
];

export function postEvents(t: TestApp, who: Who, events: object[]) {
  const isAccount = 'cookie' in who;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/feed/events',
    headers: isAccount ? who.headers : {},
    payload: isAccount ? { events } : { events, anonymousId: who.anonymousId },
  });
}

export async function sendEvents(t: TestApp, who: Who, events: object[]) {
  const response = await postEvents(t, who, events);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ accepted: number; duplicates: number }>();
}

export type ForYouPage = {
  items: {
    video: { id: string; caption: string; hashtags: string[] };
    reasons: { kind: string; text: string }[];
  }[];
  nextCursor: string | null;
};

export async function readForYou(
  t: TestApp,
  who: Who,
  query: { limit?: number; cursor?: string } = {},
): Promise<ForYouPage> {
  const params = new URLSearchParams();
  params.set('limit', String(query.limit ?? 10));
  if (query.cursor) params.set('cursor', query.cursor);
  if ('anonymousId' in who) params.set('anonymousId', who.anonymousId);
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/feed/for-you?${params.toString()}`,
    headers: 'cookie' in who ? { cookie: who.cookie } : {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ForYouPage>();
}

/** Every page of the viewer's For You, following the cursor (at most `maxPages`). */
export async function readAllForYou(t: TestApp, who: Who, maxPages = 10) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await readForYou(t, who, { limit: 10, ...(cursor ? { cursor } : {}) });
    ids.push(...result.items.map((item) => item.video.id));
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return ids;
}
