// The blob-deletion outbox: a row naming a prefix is written in the same transaction that deletes
// the rows owning those blobs; deletePendingBlobs removes the files and then the row. A crash in
// between leaves the row, so the next run finishes the job: no orphan files, ever.
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/index.js';
import type { BlobStore } from './blob-store.js';

export const DELETE_PENDING_BLOBS_JOB = 'blobs.delete-pending';

export async function requestBlobDeletion(
  trx: Kysely<DB> | Transaction<DB>,
  prefixes: string[],
): Promise<void> {
  if (prefixes.length === 0) return;
  await trx
    .insertInto('blobDeletions')
    .values(prefixes.map((prefix) => ({ prefix })))
    .onConflict((oc) => oc.column('prefix').doNothing())
    .execute();
}

export async function deletePendingBlobs(
  db: Kysely<DB>,
  blobs: BlobStore,
  log: Logger,
): Promise<number> {
  const pending = await db
    .selectFrom('blobDeletions')
    .select('prefix')
    .orderBy('requestedAt')
    .limit(500)
    .execute();
  let deleted = 0;
  for (const { prefix } of pending) {
    deleted += await blobs.deletePrefix(prefix);
    await db.deleteFrom('blobDeletions').where('prefix', '=', prefix).execute();
  }
  if (pending.length > 0)
    log.info({ prefixes: pending.length, blobs: deleted }, 'pending blobs deleted');
  return pending.length;
}
