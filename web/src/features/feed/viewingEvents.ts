// What a viewer does with the videos of a feed, sent to POST /api/v1/feed/events so For You
// learns from it: batched (a few seconds, or sooner when many wait), at once for "not
// interested" and "hide creator" (the next page must obey them), and with navigator.sendBeacon
// when the page is hidden, since a closing tab ends every other request.
import type { Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';
import { sessionStore } from '../../api/sessionStore';
import { readClientId } from './engagement.api';

export type ViewingEventKind = Schemas['FeedEvent']['kind'];

type FeedEvent = Schemas['FeedEvent'];

const EVENTS_URL = '/api/v1/feed/events';
/** The server takes at most 100 a batch. */
const MAX_BATCH = 100;
const FLUSH_AFTER_MS = 3000;
const FLUSH_AT_COUNT = 20;

let queue: FeedEvent[] = [];
let timer: number | undefined;
let isListening = false;
/** Run before the beacon, so a view still in progress is counted too. */
const beforePageHide = new Set<() => void>();

/** Calls `report` when the page is hidden; returns how to stop. */
export function onPageHide(report: () => void): () => void {
  listenForPageHide();
  beforePageHide.add(report);
  return () => beforePageHide.delete(report);
}

/** Queues one event, sent with the next batch. */
export function recordViewingEvent(
  kind: ViewingEventKind,
  videoId: string,
  options: { watchedMs?: number } = {},
): void {
  listenForPageHide();
  queue.push({
    id: crypto.randomUUID(),
    kind,
    videoId,
    occurredAt: Date.now(),
    ...(options.watchedMs !== undefined ? { watchedMs: Math.round(options.watchedMs) } : {}),
  });
  if (queue.length >= FLUSH_AT_COUNT) void flushViewingEvents();
  else timer ??= window.setTimeout(() => void flushViewingEvents(), FLUSH_AFTER_MS);
}

/** Sends one event with everything queued; rejects when the server has not learnt it. */
export async function sendViewingEventNow(kind: ViewingEventKind, videoId: string) {
  recordViewingEvent(kind, videoId);
  if (!(await flushViewingEvents())) throw new Error('viewing events not accepted');
}

/**
 * Sends what is queued now; true when the server took every batch. A batch it refuses (4xx) is
 * dropped, since sending it again cannot fix it; one it could not take now is kept for later.
 */
export async function flushViewingEvents(): Promise<boolean> {
  window.clearTimeout(timer);
  timer = undefined;
  let isAccepted = true;
  while (queue.length > 0) {
    const events = queue.splice(0, MAX_BATCH);
    const anonymousId = readClientId();
    const { response } = await api
      .POST(EVENTS_URL, { body: { events, ...(anonymousId ? { anonymousId } : {}) } })
      .catch(() => ({ response: undefined }));
    // Offline or the server away: keep them for the next try (ids make a resend harmless).
    if (!response || response.status >= 500 || response.status === 429) {
      queue = [...events, ...queue].slice(-MAX_BATCH * 5);
      timer ??= window.setTimeout(() => void flushViewingEvents(), FLUSH_AFTER_MS * 4);
      return false;
    }
    if (!response.ok) isAccepted = false;
  }
  return isAccepted;
}

/** The page is going away (tab switched, app closed): hand the rest to the browser to send. */
function sendWithBeacon() {
  beforePageHide.forEach((report) => report());
  window.clearTimeout(timer);
  timer = undefined;
  if (queue.length === 0 || typeof navigator.sendBeacon !== 'function') return;
  const session = sessionStore.get();
  const anonymousId = readClientId();
  while (queue.length > 0) {
    const events = queue.splice(0, MAX_BATCH);
    // sendBeacon cannot set headers: the CSRF token rides in the body, the JSON as text/plain.
    const body = JSON.stringify({
      events,
      ...(anonymousId ? { anonymousId } : {}),
      ...(session.csrfToken ? { csrfToken: session.csrfToken } : {}),
    });
    if (!navigator.sendBeacon(EVENTS_URL, new Blob([body], { type: 'text/plain' }))) {
      queue = [...events, ...queue];
      return;
    }
  }
}

function listenForPageHide() {
  if (isListening) return;
  isListening = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') sendWithBeacon();
  });
  window.addEventListener('pagehide', sendWithBeacon);
}
