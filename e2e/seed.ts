// Test data for browser tests, made through the public HTTP API of a running Shortwave, as a
// person's own scripts would: sign up, ask for an API token, create a draft, upload the file with
// tus-js-client, wait until the worker has made it ready. Clips are synthesised with ffmpeg.
import { readFile } from 'node:fs/promises';
import { makeClip } from '@shortwave/ffmpeg/test/corpus';
import { createApiClient, unwrap, type Schemas, type ShortwaveClient } from '@shortwave/api-client';
import * as tus from 'tus-js-client';

export const SEED_PASSWORD = 'correct horse battery';

export type SeededCreator = {
  handle: string;
  password: string;
  /** An API token of this account (Authorization: Bearer). */
  token: string;
  client: ShortwaveClient;
};

let handleCount = 0;
/** A handle no other test uses: 2–24 letters, digits or "_". */
export function makeSeedHandle(prefix: string): string {
  handleCount += 1;
  return `${prefix}_${Date.now().toString(36)}${handleCount}`.slice(0, 24);
}

/** Signs up an account through the API and gives back a client holding an API token for it. */
export async function seedCreator(
  baseUrl: string,
  options: { prefix?: string; displayName?: string } = {},
): Promise<SeededCreator> {
  const handle = makeSeedHandle(options.prefix ?? 'creator');
  const signUp = await fetch(new URL('/api/v1/accounts', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      handle,
      password: SEED_PASSWORD,
      ...(options.displayName ? { displayName: options.displayName } : {}),
    }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up ${signUp.status}: ${await signUp.text()}`);
  const session = (await signUp.json()) as Schemas['SessionState'];
  const cookie = signUp.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('sw_session='));
  if (!cookie || !session.csrfToken) throw new Error('sign-up gave no session');

  const tokenResponse = await fetch(new URL('/api/v1/me/tokens', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ label: 'e2e seed' }),
  });
  if (tokenResponse.status !== 201)
    throw new Error(`token ${tokenResponse.status}: ${await tokenResponse.text()}`);
  const { token } = (await tokenResponse.json()) as Schemas['CreatedToken'];
  return {
    handle,
    password: SEED_PASSWORD,
    token,
    client: createApiClient({ baseUrl, bearerToken: token }),
  };
}

/** Sends a file to a draft with tus-js-client, the real resumable-upload client. */
export function uploadFileWithTus(
  baseUrl: string,
  token: string,
  videoId: string,
  data: Buffer,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(data, {
      endpoint: new URL('/api/v1/uploads', baseUrl).href,
      headers: { authorization: `Bearer ${token}` },
      metadata: { videoId, filename: 'clip.mp4', filetype: 'video/mp4' },
      retryDelays: [],
      storeFingerprintForResuming: false,
      onSuccess: () => resolve(),
      onError: (error) => reject(error),
    });
    upload.start();
  });
}

/**
 * Waits until the worker has made the video ready (or failed it). Polls the API; the caller's
 * test timeout bounds the wait.
 */
export async function waitUntilReady(
  creator: SeededCreator,
  videoId: string,
): Promise<Schemas['Video']> {
  for (;;) {
    const video = await unwrap(
      creator.client.GET('/api/v1/videos/{id}', { params: { path: { id: videoId } } }),
    );
    if (video.state === 'ready') return video;
    if (video.state === 'failed')
      throw new Error(`video ${videoId} failed: ${JSON.stringify(video.failure)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export type SeedVideoOptions = {
  caption?: string;
  visibility?: 'public' | 'followers' | 'private';
  /** Seconds of synthesised 360x640 test pattern with a tone; 2 by default. */
  durationSeconds?: number;
  /** A file to upload instead of the synthesised clip. */
  clipPath?: string;
};

/** Creates a draft, uploads a tiny synthesised clip and returns the video once it is ready. */
export async function seedVideo(
  baseUrl: string,
  creator: SeededCreator,
  options: SeedVideoOptions = {},
): Promise<Schemas['Video']> {
  const clip =
    options.clipPath ?? (await makeClip({ durationSeconds: options.durationSeconds ?? 2 }));
  const draft = await unwrap(
    creator.client.POST('/api/v1/videos', {
      body: {
        caption: options.caption ?? '',
        visibility: options.visibility ?? 'public',
      },
    }),
  );
  await uploadFileWithTus(baseUrl, creator.token, draft.video.id, await readFile(clip));
  return waitUntilReady(creator, draft.video.id);
}

/**
 * Creators with ready public videos, uploaded one after another so the newest-first feeds list
 * them in a known order: the last video of `videos` is the newest.
 */
export async function seedCreatorsWithVideos(
  baseUrl: string,
  plan: { prefix: string; displayName?: string; captions: string[] }[],
): Promise<{
  creators: SeededCreator[];
  videos: { creator: SeededCreator; video: Schemas['Video'] }[];
}> {
  const creators: SeededCreator[] = [];
  for (const entry of plan) {
    creators.push(
      await seedCreator(baseUrl, {
        prefix: entry.prefix,
        ...(entry.displayName ? { displayName: entry.displayName } : {}),
      }),
    );
  }
  // Interleave the creators, as a feed would show them.
  const order: { creator: SeededCreator; caption: string }[] = [];
  const longest = Math.max(...plan.map((entry) => entry.captions.length));
  for (let i = 0; i < longest; i += 1) {
    plan.forEach((entry, index) => {
      const caption = entry.captions[i];
      const creator = creators[index];
      if (caption !== undefined && creator) order.push({ creator, caption });
    });
  }
  const videos: { creator: SeededCreator; video: Schemas['Video'] }[] = [];
  for (const { creator, caption } of order) {
    videos.push({ creator, video: await seedVideo(baseUrl, creator, { caption }) });
  }
  return { creators, videos };
}
