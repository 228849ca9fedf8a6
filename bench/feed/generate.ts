// A synthetic Shortwave instance for the feed benchmark: accounts in creator communities, videos
// with power-law popularity and follows, then a week of viewing (learn-events.ts).
import { createSeededRandom, type VideoFacts } from '@shortwave/ranking';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { learnEvents } from './learn-events.js';
import { CHUNK, DAY_MS, LANGUAGES, REGIONS } from './world.js';
import { makeZipf } from './zipf.js';

export type InstanceShape = {
  accounts: number;
  videos: number;
  events: number;
  communities: number;
  seed: number;
};

export type Instance = {
  shape: InstanceShape;
  accountIds: string[];
  /** Accounts that have a history, most active first. */
  activeViewerIds: string[];
  videos: VideoFacts[];
  /** Each community's public videos, most popular first (for the ingest load). */
  communityVideos: number[][];
  communityOfAccount: Uint16Array;
  counts: Record<string, number>;
};

export async function generateInstance(
  pool: pg.Pool,
  shape: InstanceShape,
  now: number,
  log: (message: string) => void,
): Promise<Instance> {
  const random = createSeededRandom(shape.seed);
  const counts: Record<string, number> = {};

  // ---- accounts: a fifth are creators; everyone belongs to one community ----
  const accountIds = Array.from({ length: shape.accounts }, () => uuidv7());
  const communityOfAccount = new Uint16Array(shape.accounts);
  for (let index = 0; index < shape.accounts; index += 1) {
    communityOfAccount[index] = Math.floor(random() * shape.communities);
  }
  const creatorCount = Math.max(shape.communities, Math.round(shape.accounts * 0.2));
  const privateCreators = new Set<number>();
  for (let index = 0; index < creatorCount; index += 1)
    if (random() < 0.03) privateCreators.add(index);
  for (let start = 0; start < shape.accounts; start += CHUNK) {
    const ids = accountIds.slice(start, start + CHUNK);
    await pool.query(
      `insert into accounts (id, handle, display_name, password_hash, home_region, is_private, created_at)
       select id, 'bench_' || n, 'Bench ' || n, 'not-a-password-hash', region, is_private,
         now() - (age_days || ' days')::interval
       from unnest($1::uuid[], $2::int[], $3::text[], $4::boolean[], $5::int[])
         as x (id, n, region, is_private, age_days)`,
      [
        ids,
        ids.map((_, offset) => start + offset),
        ids.map((_, offset) => REGIONS[communityOfAccount[start + offset]! % REGIONS.length]),
        ids.map((_, offset) => privateCreators.has(start + offset)),
        ids.map(() => Math.floor(random() * 400)),
      ],
    );
  }
  counts.accounts = shape.accounts;
  log(`accounts: ${shape.accounts} (${creatorCount} creators)`);

  // ---- videos: creators by a power law, hashtags from the creator's community ----
  const creatorOfVideo = makeZipf(creatorCount, 0.9, random);
  const videos: VideoFacts[] = [];
  const visibilities: string[] = [];
  const communityVideos: number[][] = Array.from({ length: shape.communities }, () => []);
  for (let index = 0; index < shape.videos; index += 1) {
    const creator = creatorOfVideo();
    const community = communityOfAccount[creator]!;
    const hashtags = [`topic${community}`, `topic${community}x${Math.floor(random() * 8)}`];
    if (random() < 0.3) hashtags.push(`mood${Math.floor(random() * 20)}`);
    const visibility = random() < 0.92 ? 'public' : random() < 0.6 ? 'followers' : 'private';
    videos.push({
      videoId: uuidv7(),
      creatorId: accountIds[creator]!,
      hashtags,
      durationMs: 5_000 + Math.floor(random() * 55_000),
      // Recent uploads are more numerous.
      publishedAt: now - Math.floor(Math.pow(random(), 2) * 30 * DAY_MS),
      language: LANGUAGES[community % LANGUAGES.length]!,
    });
    visibilities.push(visibility);
    if (visibility === 'public' && !privateCreators.has(creator))
      communityVideos[community]!.push(index);
  }
  // Popularity order inside each community: a random permutation (rank 0 is the hit).
  for (const list of communityVideos) {
    for (let index = list.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [list[index], list[other]] = [list[other]!, list[index]!];
    }
  }
  for (let start = 0; start < videos.length; start += CHUNK) {
    const chunk = videos.slice(start, start + CHUNK);
    await pool.query(
      `insert into videos (id, account_id, caption, hashtags, visibility, language, state,
         duration_ms, width, height, renditions, processing_percent, playable_at, ready_at, created_at)
       select id, account_id, caption, array(select jsonb_array_elements_text(tags)), visibility,
         language, 'ready', duration_ms, 1080, 1920, '[]', 100, ready_at, ready_at, ready_at
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[], $6::text[],
         $7::int[], $8::timestamptz[])
         as x (id, account_id, caption, tags, visibility, language, duration_ms, ready_at)`,
      [
        chunk.map((video) => video.videoId),
        chunk.map((video) => video.creatorId),
        chunk.map((video) => video.hashtags.map((tag) => `#${tag}`).join(' ')),
        chunk.map((video) => JSON.stringify(video.hashtags)),
        visibilities.slice(start, start + CHUNK),
        chunk.map((video) => video.language),
        chunk.map((video) => video.durationMs),
        chunk.map((video) => new Date(video.publishedAt)),
      ],
    );
  }
  counts.videos = videos.length;
  log(`videos: ${videos.length}`);

  // ---- follows: five creators each, mostly from one's own community ----
  const creatorsOf: number[][] = Array.from({ length: shape.communities }, () => []);
  for (let index = 0; index < creatorCount; index += 1)
    creatorsOf[communityOfAccount[index]!]!.push(index);
  const follows = new Set<string>();
  const followers: string[] = [];
  const followees: string[] = [];
  for (let index = 0; index < shape.accounts; index += 1) {
    for (let n = 0; n < 5; n += 1) {
      const community =
        random() < 0.7 ? communityOfAccount[index]! : Math.floor(random() * shape.communities);
      const list = creatorsOf[community]!;
      if (list.length === 0) continue;
      const creator = list[Math.floor(Math.pow(random(), 2) * list.length)]!;
      const key = `${index}:${creator}`;
      if (creator === index || follows.has(key)) continue;
      follows.add(key);
      followers.push(accountIds[index]!);
      followees.push(accountIds[creator]!);
    }
  }
  for (let start = 0; start < followers.length; start += CHUNK * 4) {
    await pool.query(
      `insert into follows (follower_id, followee_id, state, accepted_at)
       select f, e, 'accepted', now() from unnest($1::uuid[], $2::uuid[]) as x (f, e)
       on conflict do nothing`,
      [followers.slice(start, start + CHUNK * 4), followees.slice(start, start + CHUNK * 4)],
    );
  }
  counts.follows = followers.length;
  log(`follows: ${followers.length}`);

  // ---- events, learnt with the ranking package, summed, bulk-written ----
  const learning = await learnEvents(pool, shape, now, random, {
    videos,
    visibilities,
    accountIds,
    communityOfAccount,
    communityVideos,
    log,
  });
  Object.assign(counts, learning.counts);
  return {
    shape,
    accountIds,
    activeViewerIds: learning.activeViewerIds,
    videos,
    communityVideos,
    communityOfAccount,
    counts,
  };
}
