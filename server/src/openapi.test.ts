// The OpenAPI document is generated from the route schemas; docs/openapi.json is its committed
// copy (the API client is generated from it). This test fails when the two drift apart;
// `npm run generate` rewrites both.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { REPO_ROOT } from '../test/process.js';

const COMMITTED = path.join(REPO_ROOT, 'docs', 'openapi.json');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the OpenAPI document', () => {
  it('is served at /api/docs/json and documents problem responses', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: object };
    }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/accounts');
    expect(document.components.schemas).toHaveProperty('Problem');
  });

  it('matches the committed docs/openapi.json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const current = `${JSON.stringify(response.json(), null, 2)}\n`;
    if (process.env.SHORTWAVE_UPDATE_GENERATED === '1') await writeFile(COMMITTED, current);
    const committed = await readFile(COMMITTED, 'utf8').catch(() => '');
    expect(committed, 'docs/openapi.json is stale: run `npm run generate`').toBe(current);
  });
});
