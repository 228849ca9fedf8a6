// The hashtag source of For You: a favourite tag's newest public ready videos, read from the
// video_hashtags rows a trigger keeps in step with every change of a video.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VideoUpdate } from '../platform/db/index.js';
import { makeAccount, makeReadyVideo, type ReadyVideo } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { ForYouPageStore } from './recommendation.page-store.js';

let t: TestApp;
let pages: ForYouPageStore;
const videos: ReadyVideo[] = [];
const tag = `tag${Date.now().toString(36)}`;

beforeAll(async () => {
  t = await startTestApp();
  pages = new ForYouPageStore(t.ctx.database.db, t.ctx.database.prepared);
  const creator = await makeAccount(t.app);
  for (let n = 0; n < 4; n += 1) {
    videos.push(
      await makeReadyVideo(t, creator, {
        caption: `video ${n} #${tag}`,
        readyAt: new Date(Date.UTC(2026, 0, 1 + n)),
        isPublishingEvents: false,
      }),
    );
  }
});
afterAll(async () => {
  await t.close();
});

async function proposeForTag(perTaste: number) {
  const proposals = await pages.proposeCandidates({
    viewerId: '00000000-0000-4000-8000-000000000001',
    servedIds: [],
    coWatchedIds: [],
    followedCreatorIds: [],
    tasteCreatorIds: [],
    tasteHashtags: [tag],
    perTaste,
    followedLimit: 0,
    scopes: [],
    trendingLimit: 0,
    popularLimit: 0,
    freshLimit: 0,
  });
  return proposals.filter((p) => p.source === 'hashtag').map((p) => p.videoId);
}

const setVideo = (id: string, fields: VideoUpdate) =>
  t.ctx.database.db.updateTable('videos').set(fields).where('id', '=', id).execute();

describe('the hashtag source', () => {
  it('proposes the newest public ready videos of the tag, newest first', async () => {
    expect(await proposeForTag(3)).toEqual([videos[3]!.id, videos[2]!.id, videos[1]!.id]);
  });

  it('follows a video that stops being public, loses the tag or is deleted, and comes back', async () => {
    await setVideo(videos[3]!.id, { visibility: 'followers' });
    await setVideo(videos[2]!.id, { hashtags: ['elsewhere'] });
    await t.ctx.database.db.deleteFrom('videos').where('id', '=', videos[1]!.id).execute();
    expect(await proposeForTag(3)).toEqual([videos[0]!.id]);

    await setVideo(videos[3]!.id, { visibility: 'public' });
    await setVideo(videos[2]!.id, { hashtags: [tag, 'elsewhere'] });
    expect(await proposeForTag(3)).toEqual([videos[3]!.id, videos[2]!.id, videos[0]!.id]);
  });

  it('leaves out a video that is not ready', async () => {
    await setVideo(videos[3]!.id, { state: 'processing' });
    expect(await proposeForTag(3)).toEqual([videos[2]!.id, videos[0]!.id]);
  });
});
