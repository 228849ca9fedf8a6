// The For You page through the HTTP API: it adapts to what the viewer watches, obeys "not
// interested" and "hide creator" on the very next page, and never shows what the social layer
// hides from the viewer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeReadyVideo,
  type ReadyVideo,
  type TestAccount,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  event,
  makeAnonymous,
  readAllForYou,
  readForYou,
  sendEvents,
  skip,
  watchToTheEnd,
} from './for-you.test-support.js';
import { ForYouPageStore } from './recommendation.page-store.js';
import { toForYouCandidates } from './recommendation.page-inputs.js';

let t: TestApp;
const topics = ['cats', 'dogs', 'cooking', 'cars'] as const;
type Topic = (typeof topics)[number];
const videosOf = new Map<Topic, ReadyVideo[]>();
const topicOf = new Map<string, Topic>();
const creatorsOf = new Map<Topic, TestAccount[]>();

beforeAll(async () => {
  t = await startTestApp();
  // Four topics, four creators each, three videos per creator.
  for (const topic of topics) {
    const creators = await Promise.all([1, 2, 3, 4].map(() => makeAccount(t.app)));
    creatorsOf.set(topic, creators);
    const videos: ReadyVideo[] = [];
    for (const creator of creators) {
      for (let n = 0; n < 3; n += 1) {
        const video = await makeReadyVideo(t, creator, {
          caption: `${topic} video ${n} #${topic}`,
          isPublishingEvents: false,
        });
        videos.push(video);
        topicOf.set(video.id, topic);
      }
    }
    videosOf.set(topic, videos);
  }
});
afterAll(async () => {
  await t.close();
});

const topicsIn = (ids: string[]) => ids.map((id) => topicOf.get(id));

/**
 * Three other viewers watch 24 videos of the other topics to the end, so trending and popularity
 * point away from #cats; returns the other topics' videos.
 */
async function letTheCrowdLoveAllButCats(): Promise<ReadyVideo[]> {
  const others = [...videosOf.get('dogs')!, ...videosOf.get('cooking')!, ...videosOf.get('cars')!];
  for (let n = 0; n < 3; n += 1) {
    await sendEvents(
      t,
      makeAnonymous(),
      others.slice(6, 30).flatMap((video) => watchToTheEnd(video.id)),
    );
  }
  return others;
}

describe('GET /api/v1/feed/for-you', () => {
  it('gives a brand-new visitor a cold start: a full page, varied, with reasons', async () => {
    const page = await readForYou(t, makeAnonymous(), { limit: 10 });
    expect(page.items).toHaveLength(10);
    const creators = page.items.map((item) => item.video.id).map((id) => id);
    expect(new Set(creators).size).toBe(10);
    for (const item of page.items) {
      expect(item.reasons.length).toBeGreaterThan(0);
      expect(item.reasons[0]!.text.length).toBeGreaterThan(0);
    }
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('says in Server-Timing how long each stage of the page took', async () => {
    const visitor = makeAnonymous();
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/feed/for-you?limit=10&anonymousId=${visitor.anonymousId}`,
    });
    expect(response.statusCode).toBe(200);
    const stages = String(response.headers['server-timing'] ?? '')
      .split(', ')
      .map((entry) => /^([a-z]+);dur=(\d+\.\d)$/.exec(entry));
    expect(stages.map((match) => match?.[1])).toEqual([
      'auth',
      'state',
      'propose',
      'candidates',
      'rank',
      'describe',
    ]);
    for (const match of stages) expect(Number(match![2])).toBeGreaterThanOrEqual(0);
  });

  it('adapts: after watching #cats to the end and skipping the rest, the next page is mostly #cats', async () => {
    const viewer = await makeAccount(t.app);
    const cats = videosOf.get('cats')!;
    const others = await letTheCrowdLoveAllButCats();
    // One video of three #cats creators watched to the end; two of every other topic skipped.
    const watched = [cats[0]!, cats[3]!, cats[6]!];
    const skipped = [6, 7, 12, 13, 24, 25].map((index) => others[index]!);
    await sendEvents(t, viewer, [
      ...watched.flatMap((video) => watchToTheEnd(video.id)),
      ...skipped.flatMap((video) => skip(video.id)),
    ]);
    const page = await readForYou(t, viewer, { limit: 10 });
    const shown = topicsIn(page.items.map((item) => item.video.id));
    const catCount = shown.filter((topic) => topic === 'cats').length;
    expect(catCount, `page topics: ${shown.join(', ')}`).toBeGreaterThanOrEqual(6);
    // What was watched or skipped is never shown again.
    const seen = new Set([...watched, ...skipped].map((video) => video.id));
    expect(page.items.some((item) => seen.has(item.video.id))).toBe(false);
    // The reasons say why.
    expect(page.items.flatMap((item) => item.reasons.map((reason) => reason.text))).toContain(
      'You watched #cats videos to the end',
    );
    // No creator twice in a row.
    const creatorIds = page.items
      .map((item) => item.video.id)
      .map((id) =>
        [...creatorsOf.values()].flat().findIndex((c) => videosOfCreator(c).includes(id)),
      );
    for (let index = 1; index < creatorIds.length; index += 1) {
      expect(creatorIds[index]).not.toBe(creatorIds[index - 1]);
    }
  });

  it('ranks a taste shown by one video watched to the end above what the crowd trends', async () => {
    const viewer = await makeAccount(t.app);
    const cats = videosOf.get('cats')!;
    const others = await letTheCrowdLoveAllButCats();
    // As the web app reports a phone's viewer: one #cats video to the end and round again, six
    // other videos skipped.
    const watched = [cats[0]!];
    const skipped = [6, 7, 12, 13, 24, 25].map((index) => others[index]!);
    await sendEvents(t, viewer, [
      ...watched.flatMap((video) => [...watchToTheEnd(video.id), event('replay', video.id)]),
      ...skipped.flatMap((video) => skip(video.id)),
    ]);
    const page = await readForYou(t, viewer, { limit: 10 });
    const shown = topicsIn(page.items.map((item) => item.video.id));
    // Eleven #cats videos are left, of four creators: a page can hold ten of them.
    expect(
      shown.filter((topic) => topic === 'cats').length,
      `page topics: ${shown.join(', ')}`,
    ).toBeGreaterThanOrEqual(8);
  });

  it('never serves a video twice along one cursor chain', async () => {
    const ids = await readAllForYou(t, makeAnonymous(), 6);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('"not interested" removes the video and its creator from the very next page', async () => {
    const viewer = makeAnonymous();
    const dogs = videosOf.get('dogs')!;
    await sendEvents(
      t,
      viewer,
      dogs.slice(0, 2).flatMap((video) => watchToTheEnd(video.id)),
    );
    const before = await readForYou(t, viewer, { limit: 10 });
    const target = before.items.find((item) => topicOf.get(item.video.id) === 'dogs');
    expect(target, 'a dogs video on the page before').toBeDefined();
    const creator = creatorOfVideo(target!.video.id);
    await sendEvents(t, viewer, [event('not-interested', target!.video.id)]);
    const after = await readAllForYou(t, viewer, 5);
    expect(after).not.toContain(target!.video.id);
    expect(after.filter((id) => creatorOfVideo(id) === creator)).toEqual([]);
  });

  it('"hide creator" hides every video of the creator from the very next page on', async () => {
    const viewer = await makeAccount(t.app);
    const cooking = videosOf.get('cooking')!;
    await sendEvents(
      t,
      viewer,
      cooking.slice(0, 2).flatMap((video) => watchToTheEnd(video.id)),
    );
    const before = await readAllForYou(t, viewer, 5);
    const hidden = creatorsOf.get('cooking')![3]!;
    expect(before.some((id) => creatorOfVideo(id) === hidden)).toBe(true);
    await sendEvents(t, viewer, [event('hide-creator', videosOfCreator(hidden)[0]!)]);
    const after = await readAllForYou(t, viewer, 5);
    expect(after.filter((id) => creatorOfVideo(id) === hidden)).toEqual([]);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/hidden-creators',
      headers: { cookie: viewer.cookie },
    });
    expect(listed.json()).toMatchObject({ items: [{ handle: hidden.handle }] });
  });
});

describe('visibility in For You', () => {
  it('never gives a stranger a followers-only or private video, nor a blocked creator, even when they trend', async () => {
    const creator = await makeAccount(t.app);
    const follower = await makeAccount(t.app);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${creator.handle}/follow`,
      headers: follower.headers,
    });
    const forFollowers = await makeReadyVideo(t, creator, {
      caption: 'for followers #cats',
      visibility: 'followers',
    });
    const secret = await makeReadyVideo(t, creator, {
      caption: 'private #cats',
      visibility: 'private',
    });
    const blockedCreator = await makeAccount(t.app);
    const blockedVideo = await makeReadyVideo(t, blockedCreator, { caption: 'blocked #cats' });
    const blockingCreator = await makeAccount(t.app);
    const blockingVideo = await makeReadyVideo(t, blockingCreator, { caption: 'blocking #cats' });

    // The follower (and the creator) make them the most watched videos of the instance.
    await sendEvents(t, follower, [
      ...watchToTheEnd(forFollowers.id),
      event('like', forFollowers.id),
      event('share', forFollowers.id),
      ...watchToTheEnd(blockedVideo.id),
      event('like', blockedVideo.id),
      ...watchToTheEnd(blockingVideo.id),
    ]);
    await sendEvents(t, creator, [...watchToTheEnd(secret.id), event('like', secret.id)]);

    const stranger = await makeAccount(t.app);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${blockedCreator.handle}/block`,
      headers: stranger.headers,
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${stranger.handle}/block`,
      headers: blockingCreator.headers,
    });
    // The stranger likes #cats, so every one of them is a strong candidate.
    const cats = videosOf.get('cats')!;
    await sendEvents(
      t,
      stranger,
      cats.slice(0, 2).flatMap((video) => watchToTheEnd(video.id)),
    );
    const forbidden = [forFollowers.id, secret.id, blockedVideo.id, blockingVideo.id];
    // The candidates are filtered by the rule itself: were it left to the page's last read, a
    // page whose best candidates are hidden would come out short, not wrong.
    const pages = new ForYouPageStore(t.ctx.database.db, t.ctx.database.prepared);
    const relations = await pages.readViewerState(
      { viewerId: stranger.id, accountId: stranger.id },
      { historyWindow: 50, followed: 200, coWatchSources: 8, perVideo: 50 },
    );
    const readable = toForYouCandidates(
      await pages.readCandidateFacts([...forbidden, cats[5]!.id]),
      new Map(),
      { ...relations, accountId: stranger.id },
    );
    expect(readable.map((candidate) => candidate.video.videoId)).toEqual([cats[5]!.id]);
    const strangerSees = await readAllForYou(t, stranger, 8);
    expect(strangerSees.length).toBeGreaterThan(10);
    expect(strangerSees.filter((id) => forbidden.includes(id))).toEqual([]);
    const visitorSees = await readAllForYou(t, makeAnonymous(), 8);
    expect(visitorSees).not.toContain(forFollowers.id);
    expect(visitorSees).not.toContain(secret.id);

    // The rules are the only reason: the follower's own For You may show the followers-only
    // video, and a visitor sees the trending public ones.
    const otherFollower = await makeAccount(t.app);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${creator.handle}/follow`,
      headers: otherFollower.headers,
    });
    expect(await readAllForYou(t, otherFollower, 8)).toContain(forFollowers.id);
    expect(visitorSees).toContain(blockedVideo.id);
  });
});

function videosOfCreator(creator: TestAccount): string[] {
  return [...videosOf.values()]
    .flat()
    .filter((video) => video.accountId === creator.id)
    .map((v) => v.id);
}

function creatorOfVideo(videoId: string): TestAccount | undefined {
  const video = [...videosOf.values()].flat().find((v) => v.id === videoId);
  return [...creatorsOf.values()].flat().find((creator) => creator.id === video?.accountId);
}
