// The event load of bench:feed: batches of viewing events as the web client sends them, posted
// either at a fixed offered rate (open loop: how real viewers send, whatever the server does) or
// by clients posting back to back (closed loop: what the server can take at most).
import { randomUUID } from 'node:crypto';
import type { Pool } from 'undici';
import type { Instance } from './generate.js';
import { makeZipf } from './zipf.js';

export const BATCH_SIZE = 100;

export type EventLoadResult = {
  /** Events the server learnt (not duplicates). */
  accepted: number;
  batches: number;
  /** Per batch, from the moment it was due (open loop) or sent (closed loop). */
  latencies: number[];
  /** Open loop: batches not sent because `maxInFlight` were still waiting (the server fell behind). */
  skipped: number;
  seconds: number;
};

export function createEventLoad(http: Pool, instance: Instance, random: () => number) {
  const lists = instance.communityVideos.filter((list) => list.length > 0);
  const zipfs = lists.map((list) => makeZipf(list.length, 1, random));
  // New visitors in each run: on a reused instance, the last run's visitors have records of
  // these videos already, and their repeat views would cost the learner less than new ones.
  const run = randomUUID().slice(0, 8);
  let sent = 0;

  /** One viewer's 25 views of videos of one community (Zipf popularity), 4 events each. */
  const makeBatch = () => {
    const community = Math.floor(random() * lists.length);
    const list = lists[community]!;
    const events: object[] = [];
    while (events.length < BATCH_SIZE) {
      const video = instance.videos[list[zipfs[community]!()]!]!;
      const isWatched = random() < 0.6;
      events.push(
        { id: randomUUID(), kind: 'impression', videoId: video.videoId },
        { id: randomUUID(), kind: 'play', videoId: video.videoId },
        {
          id: randomUUID(),
          kind: 'watch-progress',
          videoId: video.videoId,
          watchedMs: isWatched ? video.durationMs : 500,
        },
        { id: randomUUID(), kind: isWatched ? 'completion' : 'quick-skip', videoId: video.videoId },
      );
    }
    return events;
  };

  /** Posts one batch as an anonymous visitor from its own address; resolves to events learnt. */
  const post = async (): Promise<number> => {
    const n = (sent += 1);
    const response = await http.request({
      method: 'POST',
      path: '/api/v1/feed/events',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
      body: JSON.stringify({ events: makeBatch(), anonymousId: `bench-${run}-${n % 2000}` }),
    });
    if (response.statusCode !== 200)
      throw new Error(`events: ${response.statusCode} ${await response.body.text()}`);
    return ((await response.body.json()) as { accepted: number }).accepted;
  };

  return {
    /** `clients` posting back to back until `until` resolves. */
    async closedLoop(clients: number, until: Promise<unknown>): Promise<EventLoadResult> {
      const result = newResult();
      let isDone = false;
      void until.then(() => (isDone = true));
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (!isDone) {
            const sentAt = performance.now();
            // Not `result.accepted += await post()`: that reads the sum before the wait.
            const accepted = await post();
            result.accepted += accepted;
            result.latencies.push(performance.now() - sentAt);
            result.batches += 1;
          }
        }),
      );
      result.seconds = (performance.now() - started) / 1000;
      return result;
    },

    /**
     * `eventsPerSecond` offered in batches due at even intervals until `until` resolves, each
     * sent when due whatever the earlier ones are doing. At most `maxInFlight` wait at once: a
     * server that falls behind further has the batches it cannot take counted as skipped.
     */
    async openLoop(
      eventsPerSecond: number,
      until: Promise<unknown>,
      maxInFlight = 64,
    ): Promise<EventLoadResult> {
      const result = newResult();
      const intervalMs = (1000 * BATCH_SIZE) / eventsPerSecond;
      const inFlight = new Set<Promise<void>>();
      let failure: Error | undefined;
      let isDone = false;
      void until.then(() => (isDone = true));
      const started = performance.now();
      let due = 0;
      while (!isDone) {
        const dueAt = started + due * intervalMs;
        const wait = dueAt - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        due += 1;
        if (inFlight.size >= maxInFlight) {
          result.skipped += 1;
          continue;
        }
        const sending = post()
          .then((accepted) => {
            result.accepted += accepted;
            result.latencies.push(performance.now() - dueAt);
            result.batches += 1;
          })
          .catch((error: unknown) => {
            failure ??= error instanceof Error ? error : new Error(String(error));
            isDone = true;
          })
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      }
      await Promise.all(inFlight);
      if (failure !== undefined) throw failure;
      result.seconds = (performance.now() - started) / 1000;
      return result;
    },
  };
}

function newResult(): EventLoadResult {
  return { accepted: 0, batches: 0, latencies: [], skipped: 0, seconds: 0 };
}
