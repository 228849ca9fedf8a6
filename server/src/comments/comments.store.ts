// Kysely queries for comments, replies, comment likes, pins and keyword filters: plain rows, the
// visibility of each comment in SQL. Counters are kept by triggers (migration 0005).
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { CommentRow, DB, Db } from '../platform/db/index.js';
import { accountVisibleTo } from '../social/index.js';

type Executor = Kysely<DB> | Transaction<DB>;

export type CommentOrder = 'newest' | 'top';
export type ListedComment = CommentRow & {
  authorHandle: string;
  authorDisplayName: string;
  authorAvatarKey: string | null;
  isLikedByViewer: boolean;
  isPinned: boolean;
  creatorId: string;
};

/**
 * Rows of `comments` the viewer may see: not removed, the author not suspended nor blocked either
 * way, and not caught by the video creator's keyword filter (the author still sees their own).
 * The video's own visibility is checked by whoever lists its comments.
 */
export function commentVisibleTo(viewerId: string | null): RawBuilder<SqlBool> {
  return sql<SqlBool>`(comments.removed_at is null
    and exists (select 1 from accounts author
      where author.id = comments.author_id and ${accountVisibleTo(viewerId, 'author')})
    and (comments.author_id = ${viewerId}::uuid or not exists (
      select 1 from videos filtered
      join comment_filters on comment_filters.account_id = filtered.account_id
      where filtered.id = comments.video_id
        and exists (select 1 from unnest(comment_filters.patterns) as p (pattern)
          where comments.body ~* p.pattern))))`;
}

export class CommentsStore {
  constructor(readonly db: Db) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async insert(
    row: {
      id: string;
      videoId: string;
      authorId: string;
      parentId: string | null;
      body: string;
      hashtags: string[];
      mentions: string[];
    },
    trx: Executor,
  ): Promise<void> {
    await trx.insertInto('comments').values(row).execute();
  }

  private selectListed(viewerId: string | null) {
    return this.db
      .selectFrom('comments')
      .innerJoin('accounts', 'accounts.id', 'comments.authorId')
      .innerJoin('videos', 'videos.id', 'comments.videoId')
      .leftJoin('commentPins', 'commentPins.commentId', 'comments.id')
      .selectAll('comments')
      .select((eb) => [
        'accounts.handle as authorHandle',
        'accounts.displayName as authorDisplayName',
        'accounts.avatarKey as authorAvatarKey',
        'videos.accountId as creatorId',
        eb('commentPins.commentId', 'is not', null).$castTo<boolean>().as('isPinned'),
        eb
          .exists(
            eb
              .selectFrom('commentLikes')
              .select('commentLikes.commentId')
              .whereRef('commentLikes.commentId', '=', 'comments.id')
              .where('commentLikes.accountId', '=', viewerId ?? sql<string>`null::uuid`),
          )
          .$castTo<boolean>()
          .as('isLikedByViewer'),
      ])
      .where(commentVisibleTo(viewerId));
  }

  /** One comment if the viewer may see it (its video is checked by the caller). */
  findVisible(id: string, viewerId: string | null): Promise<ListedComment | undefined> {
    return this.selectListed(viewerId).where('comments.id', '=', id).executeTakeFirst();
  }

  findById(id: string, executor: Executor = this.db): Promise<CommentRow | undefined> {
    return executor.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The video's pinned comment, if the viewer may see it. */
  findPinned(videoId: string, viewerId: string | null): Promise<ListedComment | undefined> {
    return this.selectListed(viewerId)
      .where('commentPins.videoId', '=', videoId)
      .executeTakeFirst();
  }

  /** Top-level comments of a video, newest or most liked first, the pinned one left out. */
  listTopLevel(
    videoId: string,
    viewerId: string | null,
    order: CommentOrder,
    limit: number,
    cursor?: [number | Date, string],
  ): Promise<ListedComment[]> {
    const sortKey = order === 'top' ? 'comments.likeCount' : 'comments.createdAt';
    let query = this.selectListed(viewerId)
      .where('comments.videoId', '=', videoId)
      .where('comments.parentId', 'is', null)
      .where('commentPins.commentId', 'is', null);
    if (cursor) {
      query = query.where((eb) =>
        eb(eb.refTuple(sortKey, 'comments.id'), '<', eb.tuple(cursor[0], cursor[1])),
      );
    }
    return query
      .orderBy(sortKey, 'desc')
      .orderBy('comments.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Replies to a comment, oldest first, as a conversation reads. */
  listReplies(
    parentId: string,
    viewerId: string | null,
    limit: number,
    cursor?: { createdAt: Date; id: string },
  ): Promise<ListedComment[]> {
    let query = this.selectListed(viewerId).where('comments.parentId', '=', parentId);
    if (cursor) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('comments.createdAt', 'comments.id'),
          '>',
          eb.tuple(cursor.createdAt, cursor.id),
        ),
      );
    }
    return query
      .orderBy('comments.createdAt', 'asc')
      .orderBy('comments.id', 'asc')
      .limit(limit + 1)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('comments').where('id', '=', id).execute();
  }

  async insertLike(commentId: string, accountId: string, trx: Executor): Promise<boolean> {
    const row = await trx
      .insertInto('commentLikes')
      .values({ commentId, accountId })
      .onConflict((oc) => oc.doNothing())
      .returning('commentId')
      .executeTakeFirst();
    return row !== undefined;
  }

  async deleteLike(commentId: string, accountId: string, trx: Executor): Promise<boolean> {
    const result = await trx
      .deleteFrom('commentLikes')
      .where('commentId', '=', commentId)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async hasLiked(commentId: string, accountId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('commentLikes')
      .select('commentId')
      .where('commentId', '=', commentId)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async pin(videoId: string, commentId: string): Promise<void> {
    await this.db
      .insertInto('commentPins')
      .values({ videoId, commentId })
      .onConflict((oc) =>
        oc.column('videoId').doUpdateSet({ commentId, pinnedAt: sql<Date>`now()` }),
      )
      .execute();
  }

  async unpin(videoId: string): Promise<void> {
    await this.db.deleteFrom('commentPins').where('videoId', '=', videoId).execute();
  }

  async findFilter(accountId: string) {
    return this.db
      .selectFrom('commentFilters')
      .select(['keywords'])
      .where('accountId', '=', accountId)
      .executeTakeFirst();
  }

  async saveFilter(accountId: string, keywords: string[], patterns: string[]): Promise<void> {
    await this.db
      .insertInto('commentFilters')
      .values({ accountId, keywords, patterns })
      .onConflict((oc) =>
        oc.column('accountId').doUpdateSet({ keywords, patterns, updatedAt: new Date() }),
      )
      .execute();
  }
}
