// Resumable uploads through the real tus client: interrupted uploads resume (also after a
// restart), only the draft's creator may upload, limits hold, a finished upload starts processing.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, type TestAccount } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { uploadWithTus } from '../../test/tus.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(
    { SHORTWAVE_MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) },
    { isListening: true },
  );
});
afterAll(async () => {
  await t.close();
});

async function createDraft(app: TestApp, account: TestAccount): Promise<string> {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/v1/videos',
    headers: account.headers,
    payload: {},
  });
  return response.json<{ video: { id: string } }>().video.id;
}

const videoRow = (app: TestApp, id: string) =>
  app.ctx.database.db
    .selectFrom('videos')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('resumable uploads', () => {
  it('uploads a file, moves it to the blob store, and starts processing', async () => {
    const creator = await makeAccount(t.app);
    const videoId = await createDraft(t, creator);
    const data = randomBytes(300 * 1024);
    const result = await uploadWithTus(data, {
      baseUrl: t.url,
      headers: creator.headers,
      videoId,
      chunkSize: 100 * 1024,
    });
    expect(result.outcome).toBe('success');

    const video = await videoRow(t, videoId);
    expect(video).toMatchObject({ state: 'processing', uploadSizeBytes: data.length });
    const source = await t.ctx.blobs.get(video.sourceKey!);
    expect(Buffer.concat(await source!.body.toArray())).toEqual(data);
    // The tus copy is gone; only the blob store holds the source.
    expect(await readdir(path.join(t.dataDir, 'uploads'))).toEqual([]);
    const jobs = await t.ctx.database.db
      .selectFrom('pgboss.job' as never)
      .select(['name' as never, 'data' as never])
      .where('name' as never, '=', 'video.uploaded' as never)
      .execute();
    expect(jobs).toEqual([{ name: 'video.uploaded', data: { videoId } }]);
  });

  it('resumes an interrupted upload from where it stopped, also after a server restart', async () => {
    const first = await startTestApp({}, { isListening: true });
    const creator = await makeAccount(first.app);
    const videoId = await createDraft(first, creator);
    const data = randomBytes(512 * 1024);

    const interrupted = await uploadWithTus(data, {
      baseUrl: first.url,
      headers: creator.headers,
      videoId,
      chunkSize: 128 * 1024,
      abortAfterBytes: 128 * 1024,
    });
    expect(interrupted.outcome).toBe('aborted');
    const uploadUrl = interrupted.outcome === 'aborted' ? interrupted.url : '';
    await first.stop();

    const second = await startTestApp(
      {},
      { isListening: true, restartOf: { databaseUrl: first.databaseUrl, dataDir: first.dataDir } },
    );
    try {
      const resumed = await uploadWithTus(data, {
        baseUrl: second.url,
        headers: creator.headers,
        uploadUrl: `${second.url}${new URL(uploadUrl, first.url).pathname}`,
        chunkSize: 128 * 1024,
      });
      expect(resumed.outcome).toBe('success');
      // It continued from the first chunk instead of starting over.
      expect(resumed.outcome === 'success' && resumed.offsets[0]).toBe(256 * 1024);
      const video = await videoRow(second, videoId);
      expect(video.state).toBe('processing');
      const source = await second.ctx.blobs.get(video.sourceKey!);
      expect(Buffer.concat(await source!.body.toArray())).toEqual(data);
    } finally {
      await second.stop();
      await first.close();
    }
  });
});

describe('who may upload what', () => {
  it('refuses an upload without a session', async () => {
    const result = await uploadWithTus(randomBytes(1024), {
      baseUrl: t.url,
      headers: {},
      videoId: '00000000-0000-7000-8000-000000000000',
    });
    expect(result.outcome === 'error' && result.status).toBe(401);
  });

  it('refuses an upload that names no video', async () => {
    const creator = await makeAccount(t.app);
    const result = await uploadWithTus(randomBytes(1024), {
      baseUrl: t.url,
      headers: creator.headers,
    });
    expect(result.outcome === 'error' && result.status).toBe(400);
    expect(result.outcome === 'error' && JSON.parse(result.body)).toMatchObject({
      type: '/problems/upload-without-video',
    });
  });

  it('refuses an upload into someone else’s draft', async () => {
    const creator = await makeAccount(t.app);
    const intruder = await makeAccount(t.app);
    const videoId = await createDraft(t, creator);
    const result = await uploadWithTus(randomBytes(1024), {
      baseUrl: t.url,
      headers: intruder.headers,
      videoId,
    });
    expect(result.outcome === 'error' && result.status).toBe(409);
    expect((await videoRow(t, videoId)).uploadId).toBeNull();
  });

  it('refuses to let a stranger read or continue someone else’s upload', async () => {
    const creator = await makeAccount(t.app);
    const stranger = await makeAccount(t.app);
    const videoId = await createDraft(t, creator);
    const data = randomBytes(256 * 1024);
    const started = await uploadWithTus(data, {
      baseUrl: t.url,
      headers: creator.headers,
      videoId,
      chunkSize: 64 * 1024,
      abortAfterBytes: 64 * 1024,
    });
    expect(started.outcome).toBe('aborted');
    const uploadUrl = new URL(started.outcome === 'aborted' ? started.url : '', t.url).toString();
    const tusHeaders = { ...stranger.headers, 'tus-resumable': '1.0.0' };
    const head = await fetch(uploadUrl, { method: 'HEAD', headers: tusHeaders });
    expect(head.status).toBe(404);
    const patch = await fetch(uploadUrl, {
      method: 'PATCH',
      headers: {
        ...tusHeaders,
        'upload-offset': '65536',
        'content-type': 'application/offset+octet-stream',
      },
      body: randomBytes(1024),
    });
    expect(patch.status).toBe(404);
    const own = await fetch(uploadUrl, {
      method: 'HEAD',
      headers: { ...creator.headers, 'tus-resumable': '1.0.0' },
    });
    expect(own.headers.get('upload-offset')).toBe(String(64 * 1024));
  });

  it('refuses a second upload for the same draft', async () => {
    const creator = await makeAccount(t.app);
    const videoId = await createDraft(t, creator);
    await uploadWithTus(randomBytes(1024), { baseUrl: t.url, headers: creator.headers, videoId });
    const again = await uploadWithTus(randomBytes(1024), {
      baseUrl: t.url,
      headers: creator.headers,
      videoId,
    });
    expect(again.outcome === 'error' && again.status).toBe(409);
  });

  it('refuses a file over the size limit before storing any of it', async () => {
    const creator = await makeAccount(t.app);
    const videoId = await createDraft(t, creator);
    const result = await uploadWithTus(randomBytes(4 * 1024 * 1024 + 1), {
      baseUrl: t.url,
      headers: creator.headers,
      videoId,
    });
    expect(result.outcome === 'error' && result.status).toBe(413);
    expect((await videoRow(t, videoId)).uploadId).toBeNull();
  });

  it('refuses an upload request without the CSRF token', async () => {
    const creator = await makeAccount(t.app);
    const videoId = await createDraft(t, creator);
    const result = await uploadWithTus(randomBytes(1024), {
      baseUrl: t.url,
      headers: { cookie: creator.cookie },
      videoId,
    });
    expect(result.outcome === 'error' && result.status).toBe(403);
  });
});

describe('abandoned uploads', () => {
  it('deletes drafts whose upload never finished, with their partial files', async () => {
    const app = await startTestApp(
      { SHORTWAVE_ABANDONED_UPLOAD_HOURS: '1' },
      { isListening: true },
    );
    try {
      const creator = await makeAccount(app.app);
      const videoId = await createDraft(app, creator);
      await uploadWithTus(randomBytes(128 * 1024), {
        baseUrl: app.url,
        headers: creator.headers,
        videoId,
        chunkSize: 32 * 1024,
        abortAfterBytes: 32 * 1024,
      });
      // Two hours pass.
      await app.ctx.database.db
        .updateTable('videos')
        .set({ createdAt: new Date(Date.now() - 2 * 3_600_000) } as never)
        .where('id', '=', videoId)
        .execute();
      const uploadDir = path.join(app.dataDir, 'uploads');
      const files = await readdir(uploadDir);
      for (const file of files) {
        const { utimes } = await import('node:fs/promises');
        await utimes(
          path.join(uploadDir, file),
          new Date(Date.now() - 2 * 3_600_000),
          new Date(Date.now() - 2 * 3_600_000),
        );
      }
      await app.ctx.queue.send('videos.delete-abandoned-drafts', {});
      await app.drainJobs();
      expect(
        await app.ctx.database.db
          .selectFrom('videos')
          .select('id')
          .where('id', '=', videoId)
          .execute(),
      ).toEqual([]);
      expect(existsSync(uploadDir)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
