import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBlobStoreConformance } from './blob-store.conformance.js';
import { FsBlobStore } from './fs-blob-store.js';

describeBlobStoreConformance(
  'filesystem',
  async () => new FsBlobStore(await mkdtemp(path.join(os.tmpdir(), 'sw-blobs-'))),
);

describe('the filesystem blob store', () => {
  it('removes directories emptied by deletions, keeping its root', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sw-blobs-'));
    const store = new FsBlobStore(root);
    await store.put('accounts/a/videos/v/source/original', Buffer.from('x'));
    await store.delete('accounts/a/videos/v/source/original');
    expect(await readdir(root)).toEqual([]);
  });
});
