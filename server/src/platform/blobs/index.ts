export type { BlobStore, BlobInfo, BlobRead, ByteRange } from './blob-store.js';
export { contentTypeForKey } from './blob-store.js';
export { FsBlobStore } from './fs-blob-store.js';
export {
  requestBlobDeletion,
  deletePendingBlobs,
  DELETE_PENDING_BLOBS_JOB,
} from './blob-deletions.js';
export { S3BlobStore } from './s3-blob-store.js';
export type { S3Settings } from './s3-blob-store.js';
