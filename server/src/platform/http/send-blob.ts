// Serves a blob over HTTP the way players and CDNs expect: ETag and If-None-Match, single byte
// ranges (RFC 9110 §14), HEAD, and the caching policy the caller chooses.
import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
import type { BlobStore } from '../blobs/index.js';
import { notFound } from '../errors.js';

export type CachePolicy = 'immutable' | 'revalidate' | 'private-immutable' | 'no-store';

const cacheControl: Record<CachePolicy, string> = {
  // Content-addressed keys never change: a year, and no revalidation.
  immutable: 'public, max-age=31536000, immutable',
  // Growing playlists and replaceable files: always ask, cheap with the ETag.
  revalidate: 'public, max-age=0, must-revalidate',
  // Access-checked media: browsers may keep it, shared caches must not.
  'private-immutable': 'private, max-age=31536000, immutable',
  'no-store': 'no-store',
};

export async function sendBlob(
  request: FastifyRequest,
  reply: FastifyReply,
  blobs: BlobStore,
  key: string,
  policy: CachePolicy,
) {
  const info = await blobs.head(key);
  if (!info) throw notFound('file');
  reply
    .header('cache-control', cacheControl[policy])
    .header('etag', info.etag)
    .header('last-modified', info.lastModifiedAt.toUTCString())
    .header('accept-ranges', 'bytes')
    .header('x-content-type-options', 'nosniff')
    .type(info.contentType);

  if (request.headers['if-none-match'] === info.etag) return reply.code(304).send();

  const rangeHeader = request.headers.range;
  const ifRange = request.headers['if-range'];
  const isRangeApplicable =
    rangeHeader !== undefined && (ifRange === undefined || ifRange === info.etag);
  if (isRangeApplicable) {
    const ranges = parseRange(info.sizeBytes, rangeHeader, { combine: true });
    if (ranges === -1 || info.sizeBytes === 0) {
      return reply.code(416).header('content-range', `bytes */${info.sizeBytes}`).send();
    }
    // A malformed header (-2) or several ranges: answer with the whole file, as RFC 9110 allows.
    if (ranges !== -2 && ranges.length === 1 && ranges[0]) {
      const { start, end } = ranges[0];
      reply
        .code(206)
        .header('content-range', `bytes ${start}-${end}/${info.sizeBytes}`)
        .header('content-length', end - start + 1);
      if (request.method === 'HEAD') return reply.send();
      const read = await blobs.get(key, { start, end });
      if (!read) throw notFound('file');
      return reply.send(read.body);
    }
  }
  reply.header('content-length', info.sizeBytes);
  if (request.method === 'HEAD') return reply.send();
  const read = await blobs.get(key);
  if (!read) throw notFound('file');
  return reply.send(read.body);
}
