// Every visibility rule, walked through every surface that shows a video or its creator. Each
// case starts from a video its viewer sees everywhere (followed, saved, mentioned in), applies one
// rule, and checks that the video is gone from the API, media delivery, feeds, profile, hashtag
// page, search, favourites, notifications, comments, likes and the watch page.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeAdmin,
  makeReadyVideo,
  type ReadyVideo,
  type TestAccount,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: TestAccount;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t);
});
afterAll(async () => {
  await t.close();
});

type Scene = { creator: TestAccount; viewer: TestAccount; video: ReadyVideo; word: string };

const as = (who: TestAccount | undefined) => (who ? { cookie: who.cookie } : {});
const get = (url: string, who?: TestAccount) =>
  t.app.inject({ method: 'GET', url, headers: as(who) });
const change = (
  method: 'PUT' | 'PATCH' | 'DELETE' | 'POST',
  url: string,
  who: TestAccount,
  payload?: object,
) => t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
const idsIn = (response: { statusCode: number; json: () => unknown }) =>
  response.statusCode === 200
    ? (response.json() as { items: { id?: string; video?: { id: string } | null }[] }).items.map(
        (item) => item.video?.id ?? item.id,
      )
    : [];

async function moderate(subject: { kind: string; id: string }, action: string) {
  const reporter = await makeAccount(t.app);
  const filed = await change('POST', '/api/v1/reports', reporter, { subject, reason: 'other' });
  const { id } = filed.json<{ id: string }>();
  const decided = await change('POST', `/api/v1/admin/reports/${id}/actions`, admin, {
    action,
    reason: 'Visibility test.',
  });
  expect(decided.statusCode).toBe(204);
}

/** The rules; `isCreatorHidden`: the creator's account itself disappears for the viewer. */
const rules: {
  name: string;
  isCreatorHidden: boolean;
  apply: (scene: Scene) => Promise<unknown>;
}[] = [
  {
    name: 'the video became private',
    isCreatorHidden: false,
    apply: ({ creator, video }) =>
      change('PATCH', `/api/v1/videos/${video.id}`, creator, { visibility: 'private' }),
  },
  {
    name: 'the video is for followers and the viewer stopped following',
    isCreatorHidden: false,
    apply: async ({ creator, viewer, video }) => {
      await change('PATCH', `/api/v1/videos/${video.id}`, creator, { visibility: 'followers' });
      await change('DELETE', `/api/v1/accounts/${creator.handle}/follow`, viewer);
    },
  },
  {
    name: 'the account became private and the viewer is no approved follower',
    isCreatorHidden: false,
    apply: async ({ creator, viewer }) => {
      await change('DELETE', `/api/v1/me/followers/${viewer.handle}`, creator);
      await change('PUT', '/api/v1/me/privacy', creator, { isPrivate: true });
      await change('PUT', `/api/v1/accounts/${creator.handle}/follow`, viewer);
    },
  },
  {
    name: 'the creator blocked the viewer',
    isCreatorHidden: true,
    apply: ({ creator, viewer }) =>
      change('PUT', `/api/v1/accounts/${viewer.handle}/block`, creator),
  },
  {
    name: 'the viewer blocked the creator',
    isCreatorHidden: true,
    apply: ({ creator, viewer }) =>
      change('PUT', `/api/v1/accounts/${creator.handle}/block`, viewer),
  },
  {
    name: 'the creator was suspended',
    isCreatorHidden: true,
    apply: ({ creator }) => moderate({ kind: 'account', id: creator.id }, 'suspend-account'),
  },
  {
    name: 'the video was removed',
    isCreatorHidden: false,
    apply: ({ video }) => moderate({ kind: 'video', id: video.id }, 'remove-content'),
  },
];

async function setUpScene(): Promise<Scene> {
  const word = [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  const creator = await makeAccount(t.app, { displayName: `Creator ${word}` });
  const viewer = await makeAccount(t.app);
  await change('PUT', `/api/v1/accounts/${creator.handle}/follow`, viewer);
  const video = await makeReadyVideo(t, creator, {
    caption: `${word} #${word} with @${viewer.handle}`,
    readyAt: new Date(Date.now() + 3_600_000),
  });
  await change('PUT', `/api/v1/videos/${video.id}/save`, viewer);
  return { creator, viewer, video, word };
}

/** Where the viewer can find the video (and the creator) right now. */
async function surfacesSeenBy({ creator, viewer, video, word }: Scene) {
  await t.drainJobs();
  const row = (await t.ctx.videos.findById(video.id))!;
  const has = (ids: (string | undefined)[]) => ids.includes(video.id);
  const watchPage = await t.app.inject({
    method: 'GET',
    url: `/v/${video.id}`,
    headers: { ...as(viewer), accept: 'text/html' },
  });
  return {
    'video page': (await get(`/api/v1/videos/${video.id}`, viewer)).statusCode === 200,
    'media delivery': await t.ctx.videos.canView(viewer.id, row),
    counters: (await get(`/api/v1/videos/${video.id}/engagement`, viewer)).statusCode === 200,
    comments: (await get(`/api/v1/videos/${video.id}/comments`, viewer)).statusCode === 200,
    liking: (await change('PUT', `/api/v1/videos/${video.id}/like`, viewer)).statusCode === 200,
    'following feed': has(idsIn(await get('/api/v1/feed/following?limit=100', viewer))),
    'recent feed': has(idsIn(await get('/api/v1/feed/recent?limit=100', viewer))),
    'profile grid': has(idsIn(await get(`/api/v1/accounts/${creator.handle}/videos`, viewer))),
    'hashtag page': has(idsIn(await get(`/api/v1/hashtags/${word}/videos`, viewer))),
    'video search': has(idsIn(await get(`/api/v1/search/videos?q=${word}`, viewer))),
    favourites: has(idsIn(await get('/api/v1/me/favourites?limit=100', viewer))),
    notifications: has(idsIn(await get('/api/v1/me/notifications?limit=100', viewer))),
    'watch page': watchPage.statusCode === 200,
    'account search': idsIn(await get(`/api/v1/search/accounts?q=${word}`, viewer)).includes(
      creator.id,
    ),
  };
}

describe('visibility rules on every surface', () => {
  it('shows the video everywhere before any rule applies', async () => {
    const seen = await surfacesSeenBy(await setUpScene());
    expect(Object.entries(seen).filter(([, isSeen]) => !isSeen)).toEqual([]);
  });

  it.each(rules)('hides the video everywhere when $name', async (rule) => {
    const scene = await setUpScene();
    await rule.apply(scene);
    const { 'account search': isCreatorFound, ...videoSurfaces } = await surfacesSeenBy(scene);
    expect(Object.entries(videoSurfaces).filter(([, isSeen]) => isSeen)).toEqual([]);
    expect(isCreatorFound).toBe(!rule.isCreatorHidden);
  });
});
