// A week of viewing on the synthetic instance: viewers by a power law of activity, mostly in their
// own community, each view's events fed through the ranking package's own learnFromEvent, whose
// updates are summed and bulk-inserted into the For You tables (multi-row inserts from arrays /
// jsonb, thousands of rows per statement).
import { randomUUID } from 'node:crypto';
import {
  addDecayed,
  learnFromEvent,
  makeForYouParams,
  type DecayedCounter,
  type ForYouParams,
  type VideoFacts,
  type ViewerEventKind,
  type ViewerVideoRecord,
} from '@shortwave/ranking';
import type pg from 'pg';
import type { InstanceShape } from './generate.js';
import { CHUNK, DAY_MS, REGIONS } from './world.js';
import { makeZipf } from './zipf.js';

type Outcome = { kinds: ViewerEventKind[]; watchedMs: number };

/** One view: impression, play, progress, then completion or quick skip, and a few extras. */
function planView(video: VideoFacts, isOwnCommunity: boolean, random: () => number): Outcome {
  const roll = random();
  const [completeUpTo, partialUpTo] = isOwnCommunity ? [0.55, 0.8] : [0.15, 0.35];
  if (roll < completeUpTo) {
    const kinds: ViewerEventKind[] = ['impression', 'play', 'watch-progress', 'completion'];
    if (random() < 0.12) kinds.push('like');
    if (random() < 0.03) kinds.push('share');
    if (random() < 0.03) kinds.push('save');
    if (random() < 0.1) kinds.push('replay');
    if (random() < 0.01) kinds.push('follow-from-video');
    return { kinds, watchedMs: video.durationMs };
  }
  if (roll < partialUpTo) {
    return {
      kinds: ['impression', 'play', 'watch-progress'],
      watchedMs: Math.round(video.durationMs * (0.3 + random() * 0.6)),
    };
  }
  const kinds: ViewerEventKind[] = ['impression', 'play', 'watch-progress', 'quick-skip'];
  if (random() < 0.01) kinds.push('not-interested');
  return { kinds, watchedMs: Math.round(Math.min(video.durationMs, 300 + random() * 1_500)) };
}

export async function learnEvents(
  pool: pg.Pool,
  shape: InstanceShape,
  now: number,
  random: () => number,
  world: {
    videos: VideoFacts[];
    visibilities: string[];
    accountIds: string[];
    communityOfAccount: Uint16Array;
    communityVideos: number[][];
    log: (message: string) => void;
  },
) {
  // A shorter co-watch window than serving (20) keeps the generated neighbour rows bounded.
  const params: ForYouParams = makeForYouParams({ coWatchWindow: 5 });
  const { videos, accountIds, communityOfAccount, communityVideos } = world;
  const indexOfVideo = new Map(videos.map((video, index) => [video.videoId, index]));
  const publicVideos = communityVideos.flat();
  const globalPick = makeZipf(publicVideos.length, 1.0, random);
  const communityPick = communityVideos.map((list) =>
    list.length === 0 ? () => 0 : makeZipf(list.length, 1.0, random),
  );
  // Viewer activity by a power law: events per viewer ∝ 1/rank^0.8.
  const viewerOrder = Array.from({ length: shape.accounts }, (_, index) => index);
  let weightTotal = 0;
  const weights = viewerOrder.map((rank) => {
    const weight = 1 / Math.pow(rank + 1, 0.8);
    weightTotal += weight;
    return weight;
  });

  const stats = new Map<number, number[]>(); // counters in the order of STATS_COLUMNS
  const trendingOf = new Map<number, DecayedCounter>();
  const scoped = new Map<string, DecayedCounter>();
  const neighbours = new Map<number, number>();
  const maxNeighbourPairs = 6_000_000;
  const eventBuffer: unknown[][] = [[], [], [], [], [], []];
  const recordBuffer: Record<string, unknown>[] = [];
  const affinityBuffer: Record<string, unknown>[] = [];
  const activeViewerIds: string[] = [];
  let eventCount = 0;
  let recordCount = 0;
  let affinityCount = 0;

  const flushEvents = async () => {
    if (eventBuffer[0]!.length === 0) return;
    await pool.query(
      `insert into feed_events (viewer_id, event_id, video_id, kind, watched_ms, occurred_at)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::bigint[])`,
      eventBuffer,
    );
    for (const column of eventBuffer) column.length = 0;
  };
  const flushRecords = async () => {
    if (recordBuffer.length > 0) {
      await pool.query(
        `insert into viewer_video_signals select * from jsonb_populate_recordset(null::viewer_video_signals, $1::jsonb)`,
        [JSON.stringify(recordBuffer)],
      );
      recordBuffer.length = 0;
    }
    if (affinityBuffer.length > 0) {
      await pool.query(
        `insert into viewer_affinities select * from jsonb_populate_recordset(null::viewer_affinities, $1::jsonb)`,
        [JSON.stringify(affinityBuffer)],
      );
      affinityBuffer.length = 0;
    }
  };

  const startMs = now - 7 * DAY_MS;
  for (const viewerIndex of viewerOrder) {
    const expected = (shape.events * weights[viewerIndex]!) / weightTotal;
    let budget = Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
    if (budget < 3) continue;
    const viewerId = accountIds[viewerIndex]!;
    activeViewerIds.push(viewerId);
    const community = communityOfAccount[viewerIndex]!;
    const records = new Map<string, ViewerVideoRecord>();
    let recent: ViewerVideoRecord[] = [];
    const affinities = new Map<string, { kind: string; key: string; counter: DecayedCounter }>();
    const views = Math.max(1, Math.round(budget / 3.6));
    let at = startMs + random() * DAY_MS;
    const step = (now - at) / (views + 1);
    while (budget > 0) {
      const isOwn = random() < 0.75 && communityVideos[community]!.length > 0;
      const videoIndex = isOwn
        ? communityVideos[community]![communityPick[community]!()]!
        : publicVideos[globalPick()]!;
      const video = videos[videoIndex]!;
      const outcome = planView(video, isOwn, random);
      for (const kind of outcome.kinds) {
        at += 1 + random() * 2_000;
        const event = {
          kind,
          viewerId,
          videoId: video.videoId,
          at,
          ...(kind === 'watch-progress' ? { watchedMs: outcome.watchedMs } : {}),
        };
        const updates = learnFromEvent(
          {
            event,
            video,
            viewer: { viewerId, region: REGIONS[community % REGIONS.length]! },
            previous: records.get(video.videoId),
            recent,
          },
          params,
        );
        const record = updates.viewerVideo;
        records.set(video.videoId, record);
        recent = recent.filter((entry) => entry.videoId !== record.videoId);
        if (record.signal > 0) recent.unshift(record);
        if (recent.length > params.coWatchWindow + 1) recent.length = params.coWatchWindow + 1;
        for (const delta of updates.videoStats) {
          const index = indexOfVideo.get(delta.videoId)!;
          let row = stats.get(index);
          if (row === undefined) stats.set(index, (row = new Array<number>(13).fill(0)));
          row[0]! += delta.impressions ?? 0;
          row[1]! += delta.views ?? 0;
          row[2]! += delta.watchRatioSum ?? 0;
          row[3]! += delta.completions ?? 0;
          row[4]! += delta.quickSkips ?? 0;
          row[5]! += delta.likes ?? 0;
          row[6]! += delta.comments ?? 0;
          row[7]! += delta.shares ?? 0;
          row[8]! += delta.saves ?? 0;
          row[9]! += delta.follows ?? 0;
          row[10]! += delta.notInterested ?? 0;
          row[11]! += delta.popularity ?? 0;
          row[12]! += delta.coWatchTotal ?? 0;
          if (delta.trending) {
            trendingOf.set(
              index,
              addDecayed(
                trendingOf.get(index),
                delta.trending,
                delta.at,
                params.trendingHalfLifeMs,
              ),
            );
          }
        }
        for (const pair of updates.neighbours) {
          const key =
            indexOfVideo.get(pair.videoId)! * 4_194_304 + indexOfVideo.get(pair.neighbourId)!;
          const weight = neighbours.get(key);
          if (weight !== undefined) neighbours.set(key, weight + pair.weight);
          else if (neighbours.size < maxNeighbourPairs) neighbours.set(key, pair.weight);
        }
        for (const delta of updates.trending) {
          const key = `${delta.scope}|${indexOfVideo.get(delta.videoId)!}`;
          scoped.set(
            key,
            addDecayed(scoped.get(key), delta.delta, delta.at, params.trendingHalfLifeMs),
          );
        }
        for (const delta of updates.affinities) {
          const key = `${delta.kind}|${delta.key}`;
          const entry = affinities.get(key);
          affinities.set(key, {
            kind: delta.kind,
            key: delta.key,
            counter: addDecayed(entry?.counter, delta.delta, delta.at, params.affinityHalfLifeMs),
          });
        }
        eventBuffer[0]!.push(viewerId);
        eventBuffer[1]!.push(randomUUID());
        eventBuffer[2]!.push(video.videoId);
        eventBuffer[3]!.push(kind);
        eventBuffer[4]!.push(kind === 'watch-progress' ? outcome.watchedMs : null);
        eventBuffer[5]!.push(Math.round(at));
        eventCount += 1;
        budget -= 1;
      }
      at += step * random();
      if (eventBuffer[0]!.length >= 20_000) await flushEvents();
    }
    for (const record of records.values()) {
      recordBuffer.push({
        viewer_id: record.viewerId,
        video_id: record.videoId,
        creator_id: record.creatorId,
        hashtags: record.hashtags,
        impressions: record.impressions,
        watch_ratio: record.watchRatio,
        replays: record.replays,
        is_quick_skipped: record.isQuickSkipped,
        is_liked: record.isLiked,
        is_commented: record.isCommented,
        is_shared: record.isShared,
        is_saved: record.isSaved,
        is_creator_followed: record.isCreatorFollowed,
        is_not_interested: record.isNotInterested,
        signal: record.signal,
        first_seen_at: Math.round(record.firstSeenAt),
        last_event_at: Math.round(record.lastEventAt),
      });
    }
    recordCount += records.size;
    for (const { kind, key, counter } of affinities.values()) {
      affinityBuffer.push({
        viewer_id: viewerId,
        kind,
        key,
        value: counter.value,
        updated_at: Math.round(counter.updatedAt),
      });
    }
    affinityCount += affinities.size;
    if (recordBuffer.length >= 10_000 || affinityBuffer.length >= 10_000) await flushRecords();
    if (activeViewerIds.length % 5_000 === 0) {
      world.log(`  learnt ${eventCount} events (${activeViewerIds.length} viewers)`);
    }
  }
  await flushEvents();
  await flushRecords();
  world.log(`events: ${eventCount}, viewer records: ${recordCount}, affinities: ${affinityCount}`);

  const statRows = [...stats];
  for (let start = 0; start < statRows.length; start += CHUNK * 2) {
    const chunk = statRows.slice(start, start + CHUNK * 2);
    const column = (index: number) => chunk.map(([, row]) => row[index]!);
    await pool.query(
      `insert into video_stats (video_id, feed_impressions, feed_views, feed_watch_ratio_sum,
         feed_completions, feed_quick_skips, feed_likes, feed_comments, feed_shares, feed_saves,
         feed_follows, feed_not_interested, popularity, co_watch_total, trending_value, trending_updated_at)
       select * from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::float8[], $5::bigint[],
         $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[],
         $12::bigint[], $13::float8[], $14::float8[], $15::float8[], $16::bigint[])
       on conflict (video_id) do update set feed_impressions = excluded.feed_impressions,
         feed_views = excluded.feed_views, feed_watch_ratio_sum = excluded.feed_watch_ratio_sum,
         feed_completions = excluded.feed_completions, feed_quick_skips = excluded.feed_quick_skips,
         feed_likes = excluded.feed_likes, feed_comments = excluded.feed_comments,
         feed_shares = excluded.feed_shares, feed_saves = excluded.feed_saves,
         feed_follows = excluded.feed_follows, feed_not_interested = excluded.feed_not_interested,
         popularity = excluded.popularity, co_watch_total = excluded.co_watch_total,
         trending_value = excluded.trending_value, trending_updated_at = excluded.trending_updated_at`,
      [
        chunk.map(([index]) => videos[index]!.videoId),
        ...Array.from({ length: 13 }, (_, index) =>
          index === 2 || index >= 11 ? column(index) : column(index).map(Math.round),
        ),
        chunk.map(([index]) => trendingOf.get(index)?.value ?? 0),
        chunk.map(([index]) => Math.round(trendingOf.get(index)?.updatedAt ?? 0)),
      ],
    );
  }
  world.log(`video stats: ${statRows.length}`);

  // Each video's heaviest pairs as its list (what the server's learning keeps: co-watch-list.ts).
  const pairsOf = new Map<number, [number, number][]>();
  for (const [key, weight] of neighbours) {
    const videoIndex = Math.floor(key / 4_194_304);
    let list = pairsOf.get(videoIndex);
    if (list === undefined) pairsOf.set(videoIndex, (list = []));
    list.push([key % 4_194_304, weight]);
  }
  neighbours.clear();
  const lists = [...pairsOf].map(([videoIndex, pairs]) => {
    const kept = pairs.sort((a, b) => b[1] - a[1]).slice(0, params.coWatchCapacity);
    return {
      videoId: videos[videoIndex]!.videoId,
      neighbourIds: kept.map(([neighbour]) => videos[neighbour]!.videoId),
      weights: kept.map(([, weight]) => weight),
    };
  });
  pairsOf.clear();
  let coWatchPairs = 0;
  for (let start = 0; start < lists.length; start += CHUNK / 10) {
    const chunk = lists.slice(start, start + CHUNK / 10);
    coWatchPairs += chunk.reduce((sum, list) => sum + list.weights.length, 0);
    await pool.query(
      `insert into video_co_watch (video_id, neighbour_ids, weights)
       select video_id, neighbour_ids, weights from json_to_recordset($1::json)
         as x (video_id uuid, neighbour_ids uuid[], weights float8[])`,
      [
        JSON.stringify(
          chunk.map((list) => ({
            video_id: list.videoId,
            neighbour_ids: list.neighbourIds,
            weights: list.weights,
          })),
        ),
      ],
    );
  }
  world.log(`co-watch lists: ${lists.length} (${coWatchPairs} pairs)`);

  const trendingRows = [...scoped];
  for (let start = 0; start < trendingRows.length; start += CHUNK * 4) {
    const chunk = trendingRows.slice(start, start + CHUNK * 4);
    await pool.query(
      `insert into video_trending (scope, video_id, value, updated_at)
       select * from unnest($1::text[], $2::uuid[], $3::float8[], $4::bigint[])`,
      [
        chunk.map(([key]) => key.slice(0, key.lastIndexOf('|'))),
        chunk.map(([key]) => videos[Number(key.slice(key.lastIndexOf('|') + 1))]!.videoId),
        chunk.map(([, counter]) => counter.value),
        chunk.map(([, counter]) => Math.round(counter.updatedAt)),
      ],
    );
  }
  world.log(`trending rows: ${trendingRows.length}`);
  // Settle the bulk load (visibility map, statistics) so autovacuum does not run during the measurement.
  await pool.query('vacuum analyze');
  return {
    activeViewerIds,
    counts: {
      events: eventCount,
      viewerRecords: recordCount,
      affinities: affinityCount,
      coWatchLists: lists.length,
      coWatchPairs,
      trendingRows: trendingRows.length,
    },
  };
}
