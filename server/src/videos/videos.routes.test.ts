import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type VideoBody = {
  id: string;
  caption: string;
  hashtags: string[];
  mentions: string[];
  visibility: string;
  state: string;
};

describe('video drafts', () => {
  it('creates a draft with parsed hashtags and mentions, and an upload address', async () => {
    const creator = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/videos',
      headers: creator.headers,
      payload: {
        caption: 'Pasta night #Cooking with @friend_1',
        visibility: 'followers',
        language: 'en',
      },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{
      video: VideoBody & { creator: { handle: string } };
      upload: { url: string; maxSizeBytes: number };
    }>();
    expect(body.video).toMatchObject({
      caption: 'Pasta night #Cooking with @friend_1',
      hashtags: ['cooking'],
      mentions: ['friend_1'],
      visibility: 'followers',
      state: 'uploading',
      creator: { handle: creator.handle },
    });
    expect(body.upload).toEqual({ url: '/api/v1/uploads', maxSizeBytes: 2 * 1024 ** 3 });
  });

  it('lets the creator edit caption and visibility, re-parsing tags', async () => {
    const creator = await makeAccount(t.app);
    const { video } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/videos',
        headers: creator.headers,
        payload: { caption: '#one' },
      })
    ).json<{ video: VideoBody }>();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/videos/${video.id}`,
      headers: creator.headers,
      payload: { caption: 'now #two and #three', visibility: 'private', commentsEnabled: false },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      hashtags: ['two', 'three'],
      visibility: 'private',
      commentsEnabled: false,
    });
  });

  it('hides a draft from everyone but its creator, and refuses their edits', async () => {
    const creator = await makeAccount(t.app);
    const stranger = await makeAccount(t.app);
    const { video } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/videos',
        headers: creator.headers,
        payload: {},
      })
    ).json<{ video: VideoBody }>();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/videos/${video.id}`,
          headers: { cookie: creator.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/videos/${video.id}` })).statusCode,
    ).toBe(404);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/videos/${video.id}`,
      headers: stranger.headers,
      payload: { caption: 'mine now' },
    });
    expect(edit.statusCode).toBe(404);
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/videos/${video.id}`,
      headers: stranger.headers,
    });
    expect(deletion.statusCode).toBe(404);
  });

  it('lists the creator’s videos newest first in every state, a page at a time', async () => {
    const creator = await makeAccount(t.app);
    for (const caption of ['first', 'second', 'third']) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/videos',
        headers: creator.headers,
        payload: { caption },
      });
    }
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/videos?limit=2',
      headers: { cookie: creator.cookie },
    });
    const page = first.json<{ items: VideoBody[]; nextCursor: string }>();
    expect(page.items.map((v) => v.caption)).toEqual(['third', 'second']);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/videos?limit=2&cursor=${page.nextCursor}`,
      headers: { cookie: creator.cookie },
    });
    expect(second.json<{ items: VideoBody[]; nextCursor: null }>()).toMatchObject({
      items: [{ caption: 'first' }],
      nextCursor: null,
    });
  });

  it('deletes a draft', async () => {
    const creator = await makeAccount(t.app);
    const { video } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/videos',
        headers: creator.headers,
        payload: {},
      })
    ).json<{ video: VideoBody }>();
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/videos/${video.id}`,
          headers: creator.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/videos/${video.id}`,
          headers: { cookie: creator.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });

  it.each([
    ['an unknown visibility', { visibility: 'friends' }],
    ['a caption over 2,200 characters', { caption: 'x'.repeat(2201) }],
    ['a malformed language', { language: 'English' }],
    ['an unknown field', { title: 'x' }],
  ])('rejects %s', async (_case, payload) => {
    const creator = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/videos',
      headers: creator.headers,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: '/problems/invalid-request' });
  });
});
