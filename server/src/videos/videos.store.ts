// Kysely queries for videos: plain records, no rules.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Db, VideoRow, VideoUpdate } from '../platform/db/index.js';

export type CreatorColumns = {
  creatorHandle: string;
  creatorDisplayName: string;
  creatorAvatarKey: string | null;
};
export type VideoWithCreator = VideoRow & CreatorColumns;

type Executor = Kysely<DB> | Transaction<DB>;

export class VideosStore {
  constructor(readonly db: Db) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  private selectWithCreator(executor: Executor = this.db) {
    return executor
      .selectFrom('videos')
      .innerJoin('accounts', 'accounts.id', 'videos.accountId')
      .selectAll('videos')
      .select([
        'accounts.handle as creatorHandle',
        'accounts.displayName as creatorDisplayName',
        'accounts.avatarKey as creatorAvatarKey',
      ]);
  }

  async insert(row: {
    id: string;
    accountId: string;
    caption: string;
    hashtags: string[];
    mentions: string[];
    visibility: VideoRow['visibility'];
    commentsEnabled: boolean;
    language: string | null;
  }): Promise<void> {
    await this.db.insertInto('videos').values(row).execute();
  }

  findWithCreator(id: string, executor?: Executor): Promise<VideoWithCreator | undefined> {
    return this.selectWithCreator(executor).where('videos.id', '=', id).executeTakeFirst();
  }

  findById(id: string, executor: Executor = this.db): Promise<VideoRow | undefined> {
    return executor.selectFrom('videos').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the row for the rest of the transaction, so state changes do not race. */
  findForUpdate(id: string, trx: Transaction<DB>): Promise<VideoRow | undefined> {
    return trx.selectFrom('videos').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  update(
    id: string,
    changes: VideoUpdate,
    executor: Executor = this.db,
  ): Promise<VideoRow | undefined> {
    return executor
      .updateTable('videos')
      .set({ ...changes, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(id: string, trx: Transaction<DB>): Promise<void> {
    await trx.deleteFrom('videos').where('id', '=', id).execute();
  }

  listByAccount(accountId: string, limit: number, after?: { createdAt: Date; id: string }) {
    let query = this.selectWithCreator().where('videos.accountId', '=', accountId);
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('videos.createdAt', 'videos.id'), '<', eb.tuple(after.createdAt, after.id)),
      );
    }
    return query
      .orderBy('videos.createdAt', 'desc')
      .orderBy('videos.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Attaches a tus upload to a draft that has none yet; false when someone else got there. */
  async claimUpload(
    videoId: string,
    accountId: string,
    uploadId: string,
    sizeBytes: number,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('videos')
      .set({ uploadId, uploadSizeBytes: sizeBytes, updatedAt: new Date() })
      .where('id', '=', videoId)
      .where('accountId', '=', accountId)
      .where('state', '=', 'uploading')
      .where('uploadId', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  findByUploadId(uploadId: string): Promise<VideoRow | undefined> {
    return this.db
      .selectFrom('videos')
      .selectAll()
      .where('uploadId', '=', uploadId)
      .executeTakeFirst();
  }

  /** Drafts whose upload never finished: created before `cutoff`, still uploading. */
  listAbandonedDrafts(cutoff: Date, limit: number) {
    return this.db
      .selectFrom('videos')
      .select(['id', 'accountId', 'uploadId'])
      .where('state', '=', 'uploading')
      .where('createdAt', '<', cutoff)
      .limit(limit)
      .execute();
  }

  /** Videos being processed whose worker stopped reporting before `staleBefore`. */
  listStaleProcessing(staleBefore: Date, limit: number) {
    return this.db
      .selectFrom('videos')
      .select(['id', 'processingAttempt', 'processingOwner', 'processingHeartbeatAt'])
      .where('state', '=', 'processing')
      .where('sourceKey', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('processingHeartbeatAt', 'is', null),
          eb('processingHeartbeatAt', '<', staleBefore),
        ]),
      )
      .limit(limit)
      .execute();
  }

  async heartbeat(videoId: string, attempt: string, percent: number): Promise<boolean> {
    const result = await this.db
      .updateTable('videos')
      .set({ processingHeartbeatAt: sql<Date>`now()`, processingPercent: percent })
      .where('id', '=', videoId)
      .where('processingAttempt', '=', attempt)
      .where('state', '=', 'processing')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
