// The S3 implementation passes the same conformance suite, against a real S3-compatible server
// (s3rver) that the test starts.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { describeBlobStoreConformance } from './blob-store.conformance.js';
import { S3BlobStore } from './s3-blob-store.js';

let server: S3rver;
let endpoint: string;
beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: await mkdtemp(path.join(os.tmpdir(), 'sw-s3rver-')),
    configureBuckets: [{ name: 'shortwave-test', configs: [] }],
  });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server.close();
});

let instance = 0;
describeBlobStoreConformance('S3', () =>
  Promise.resolve(
    new S3BlobStore({
      bucket: 'shortwave-test',
      region: 'us-east-1',
      endpoint,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      // Each test gets its own prefix in the one bucket.
      prefix: `run-${instance++}/`,
    }),
  ),
);
