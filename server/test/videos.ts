// Uploading a real file through tus and letting the real queue process it, for media tests.
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { VideoRow } from '../src/platform/db/index.js';
import type { TestAccount } from './factories.js';
import type { TestApp } from './harness.js';
import { uploadWithTus } from './tus.js';

export async function uploadVideoFile(
  t: TestApp,
  account: TestAccount,
  filePath: string,
  fields: { caption?: string; visibility?: 'public' | 'followers' | 'private' } = {},
): Promise<string> {
  const draft = await t.app.inject({
    method: 'POST',
    url: '/api/v1/videos',
    headers: account.headers,
    payload: fields,
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const videoId = draft.json<{ video: { id: string } }>().video.id;
  const result = await uploadWithTus(await readFile(filePath), {
    baseUrl: t.url,
    headers: account.headers,
    videoId,
  });
  expect(
    result.outcome === 'error'
      ? `${result.status} ${result.body} ${String(result.error)}`
      : result.outcome,
  ).toBe('success');
  return videoId;
}

/** Uploads, then runs every queued job (the processing included) to the end. */
export async function uploadAndProcess(
  t: TestApp,
  account: TestAccount,
  filePath: string,
  fields: { caption?: string; visibility?: 'public' | 'followers' | 'private' } = {},
): Promise<VideoRow> {
  const videoId = await uploadVideoFile(t, account, filePath, fields);
  await t.drainJobs();
  return t.ctx.database.db
    .selectFrom('videos')
    .selectAll()
    .where('id', '=', videoId)
    .executeTakeFirstOrThrow();
}
