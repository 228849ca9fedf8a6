// One behavioural suite for every BlobStore implementation (filesystem, S3): each runs it.
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from './blob-store.js';

export function describeBlobStoreConformance(name: string, makeStore: () => Promise<BlobStore>) {
  describe(`${name} blob store`, () => {
    it('stores a buffer and reads it back with size, type and an ETag', async () => {
      const store = await makeStore();
      await store.put('videos/v1/poster.webp', Buffer.from('webp bytes'));
      const read = await store.get('videos/v1/poster.webp');
      expect(read).toBeDefined();
      expect(await text(read!.body)).toBe('webp bytes');
      expect(read).toMatchObject({ sizeBytes: 10, contentType: 'image/webp' });
      expect(read!.etag).toMatch(/^"?.+"?$/);
    });

    it('stores a stream and serves an inclusive byte range', async () => {
      const store = await makeStore();
      await store.put(
        'videos/v1/seg-0.m4s',
        Readable.from([Buffer.from('0123'), Buffer.from('456789')]),
      );
      const read = await store.get('videos/v1/seg-0.m4s', { start: 2, end: 5 });
      expect(await text(read!.body)).toBe('2345');
    });

    it('downloads a blob to a local file, and says false for a missing one', async () => {
      const store = await makeStore();
      await store.put('accounts/a/videos/v/source/original', Buffer.from('source bytes'));
      const dir = await mkdtemp(path.join(os.tmpdir(), 'sw-download-'));
      expect(
        await store.download('accounts/a/videos/v/source/original', path.join(dir, 'in', 'source')),
      ).toBe(true);
      expect(await readFile(path.join(dir, 'in', 'source'), 'utf8')).toBe('source bytes');
      expect(
        await store.download('accounts/a/videos/v/source/missing', path.join(dir, 'missing')),
      ).toBe(false);
    });

    it('answers undefined for a missing key', async () => {
      const store = await makeStore();
      expect(await store.get('nothing/here.webp')).toBeUndefined();
      expect(await store.head('nothing/here.webp')).toBeUndefined();
    });

    it('lists and deletes everything under a prefix, and nothing else', async () => {
      const store = await makeStore();
      await store.put('accounts/a/videos/1/master.m3u8', Buffer.from('a'));
      await store.put('accounts/a/avatar/x.webp', Buffer.from('b'));
      await store.put('accounts/ab/avatar/y.webp', Buffer.from('c'));
      expect(await store.list('accounts/a/')).toEqual([
        'accounts/a/avatar/x.webp',
        'accounts/a/videos/1/master.m3u8',
      ]);
      expect(await store.deletePrefix('accounts/a/')).toBe(2);
      expect(await store.list('accounts/a/')).toEqual([]);
      expect(await store.list('accounts/ab/')).toEqual(['accounts/ab/avatar/y.webp']);
    });

    it('leaves nothing listed under a prefix once its last blob is deleted', async () => {
      const store = await makeStore();
      await store.put('accounts/z/videos/v/source/original', Buffer.from('x'));
      await store.put('accounts/z/videos/v/r1/master.m3u8', Buffer.from('y'));
      await store.delete('accounts/z/videos/v/source/original');
      await store.deletePrefix('accounts/z/videos/v/r1/');
      expect(await store.list('accounts/z/')).toEqual([]);
    });

    it('refuses keys that could escape the store', async () => {
      const store = await makeStore();
      for (const key of ['../etc/passwd', '/abs/path', 'a//b', 'a/./b', '']) {
        await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/invalid blob key/);
      }
    });

    it('replaces a blob atomically', async () => {
      const store = await makeStore();
      await store.put('k/playlist.m3u8', Buffer.from('old'));
      await store.put('k/playlist.m3u8', Buffer.from('new content'));
      expect(await text((await store.get('k/playlist.m3u8'))!.body)).toBe('new content');
    });
  });
}
