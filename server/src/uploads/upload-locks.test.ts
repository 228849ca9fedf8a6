// With several HTTP processes on one port, an upload's lock is the primary's: a request for an
// upload that another process is writing makes that one let go, as within one process.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startShortwave,
  writePlaceholderWebClient,
  type RunningShortwave,
} from '../../test/process.js';

let dataDir: string;
let running: RunningShortwave;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-upload-locks-'));
  await chmod(dataDir, 0o755);
  const webDist = await writePlaceholderWebClient(path.join(dataDir, 'web'));
  running = await startShortwave(['serve'], {
    SHORTWAVE_DATA_DIR: dataDir,
    SHORTWAVE_WEB_DIST: webDist,
    SHORTWAVE_HTTP_PROCESSES: '2',
    PORT: '0',
    LOG_LEVEL: 'warn',
  });
}, 120_000);
afterAll(async () => {
  await running?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

type Answer = { status: number; headers: http.IncomingHttpHeaders };

/** A request on a connection of its own: the primary hands new connections out in turn. */
function send(method: string, url: string, headers: http.OutgoingHttpHeaders, body?: Buffer) {
  const request = http.request(url, { method, headers, agent: false });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers }),
      );
    });
    request.on('error', reject);
  });
  if (body === undefined) request.end();
  else request.write(body);
  return { request, answer };
}

async function signUpAndDraft(url: string) {
  const signUp = await fetch(`${url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle: 'two_processes', password: 'long enough password' }),
  });
  const cookie = signUp.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await signUp.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const draft = await fetch(`${url}/api/v1/videos`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: '{}',
  });
  const { video } = (await draft.json()) as { video: { id: string } };
  return { headers, videoId: video.id };
}

describe('upload locks across HTTP processes', () => {
  it('a request for an upload another process is writing makes that one let go', async () => {
    const { headers, videoId } = await signUpAndDraft(running.url);
    const data = randomBytes(256 * 1024);
    const tus = { ...headers, 'tus-resumable': '1.0.0' };
    const created = await send('POST', `${running.url}/api/v1/uploads`, {
      ...tus,
      'upload-length': data.length,
      'upload-metadata': `videoId ${Buffer.from(videoId).toString('base64')}`,
    }).answer;
    expect(created.status).toBe(201);
    const location = new URL(String(created.headers.location), running.url).href;

    // The first PATCH sends half its body, then stalls, as a phone's upload does when it drops.
    const stalled = send(
      'PATCH',
      location,
      {
        ...tus,
        'content-type': 'application/offset+octet-stream',
        'content-length': data.length,
        'upload-offset': 0,
      },
      data.subarray(0, data.length / 2),
    );
    const stalledEnded = stalled.answer.then(
      () => 'answered',
      () => 'closed',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    // The resumed upload, on other connections: HEAD for the offset, then the rest.
    const head = await send('HEAD', location, tus).answer;
    expect(head.status).toBe(200);
    const stillWriting = new Promise((resolve) =>
      setTimeout(() => resolve('still writing'), 10_000),
    );
    expect(await Promise.race([stalledEnded, stillWriting])).toMatch(/answered|closed/);
    const offset = Number(head.headers['upload-offset']);
    expect(offset).toBeGreaterThan(0);
    const rest = send(
      'PATCH',
      location,
      {
        ...tus,
        'content-type': 'application/offset+octet-stream',
        'content-length': data.length - offset,
        'upload-offset': offset,
      },
      data.subarray(offset),
    );
    rest.request.end();
    const finished = await rest.answer;
    expect(finished.status).toBe(204);
    expect(Number(finished.headers['upload-offset'])).toBe(data.length);
    stalled.request.destroy();
  }, 60_000);
});
