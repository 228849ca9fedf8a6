// The blob store port: immutable-ish files addressed by key ("accounts/<id>/avatar/<hash>.webp").
// Two implementations: the filesystem under the data directory, and any S3-compatible bucket.
import type { Readable } from 'node:stream';

export type BlobInfo = {
  sizeBytes: number;
  contentType: string;
  etag: string;
  lastModifiedAt: Date;
};

export type ByteRange = { start: number; end: number };

export type BlobRead = BlobInfo & { body: Readable; range?: ByteRange };

export interface BlobStore {
  put(key: string, body: Buffer | Readable, contentType?: string): Promise<void>;
  putFile(key: string, filePath: string, contentType?: string): Promise<void>;
  /** Undefined when there is no such blob. `range` is inclusive, as in HTTP. */
  get(key: string, range?: ByteRange): Promise<BlobRead | undefined>;
  head(key: string): Promise<BlobInfo | undefined>;
  /** Copies a blob to a local file (a worker's scratch space); false when there is no such blob. */
  download(key: string, filePath: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Deletes every blob whose key starts with `prefix`; returns how many went. */
  deletePrefix(prefix: string): Promise<number>;
  list(prefix: string): Promise<string[]>;
}

const contentTypes: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.vtt': 'text/vtt; charset=utf-8',
  '.json': 'application/json',
};

export function contentTypeForKey(key: string): string {
  const dot = key.lastIndexOf('.');
  return (dot >= 0 && contentTypes[key.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/** Keys are relative paths of safe segments: no "..", no leading slash, no empty segment. */
export function assertValidKey(key: string): void {
  const isValid =
    key.length > 0 &&
    key.length <= 512 &&
    /^[A-Za-z0-9._\-/]+$/.test(key) &&
    key.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (!isValid) throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
}
