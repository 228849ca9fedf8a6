// Kysely queries for notifications and their actors: plain rows. What a recipient may see is
// decided here in SQL at read time (actors blocked, muted or suspended since, content removed or
// hidden since), so no notification outlives the rules that would hide its subject.
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { commentVisibleTo } from '../comments/index.js';
import { selectVideosWithCreator } from '../engagement/index.js';
import type { AccountRow, DB, Db, NotificationRow } from '../platform/db/index.js';
import { accountVisibleTo, notMutedBy, videoVisibleTo } from '../social/index.js';
import { CONTENT_KINDS, type NotificationKind } from './notification-kinds.js';

type Executor = Kysely<DB> | Transaction<DB>;

export type NewNotification = {
  recipientId: string;
  kind: NotificationKind;
  key: string;
  videoId?: string | null;
  commentId?: string | null;
  details?: Record<string, string>;
};

export type ListedNotification = NotificationRow & {
  actorCount: number;
  commentBody: string | null;
};
export type NotificationActor = AccountRow & { notificationId: string };

/** An actor the recipient may see: not suspended, no block either way, not muted. */
function actorVisibleTo(recipientId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${accountVisibleTo(recipientId, 'actor')} and ${notMutedBy(
    recipientId,
    sql`actor.id`,
  )})`;
}

function visibleActorsOf(recipientId: string) {
  return sql`from notification_actors
    join accounts actor on actor.id = notification_actors.actor_id
    where notification_actors.notification_id = notifications.id
      and ${actorVisibleTo(recipientId)}`;
}

export class NotificationsStore {
  constructor(readonly db: Db) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** Joins the recipient's open (unread) group of this key, or starts one; returns its id. */
  async upsertGroup(notification: NewNotification, trx: Executor): Promise<string> {
    const row = await trx
      .insertInto('notifications')
      .values({ ...this.rowOf(notification), isGrouped: true, hasActors: true })
      .onConflict((oc) =>
        oc
          .columns(['recipientId', 'key'])
          .where('isGrouped', '=', true)
          .where('readAt', 'is', null)
          .doUpdateSet({ updatedAt: sql<Date>`now()` }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Records a notification once per key; undefined when it was recorded before (a retry). */
  async insertSingle(
    notification: NewNotification,
    hasActors: boolean,
    trx: Executor,
  ): Promise<string | undefined> {
    const row = await trx
      .insertInto('notifications')
      .values({ ...this.rowOf(notification), isGrouped: false, hasActors })
      .onConflict((oc) =>
        oc.columns(['recipientId', 'key']).where('isGrouped', '=', false).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  private rowOf(notification: NewNotification) {
    return {
      id: uuidv7(),
      recipientId: notification.recipientId,
      kind: notification.kind,
      key: notification.key,
      videoId: notification.videoId ?? null,
      commentId: notification.commentId ?? null,
      details: JSON.stringify(notification.details ?? {}),
    };
  }

  async addActor(notificationId: string, actorId: string, trx: Executor): Promise<void> {
    await trx
      .insertInto('notificationActors')
      .values({ notificationId, actorId })
      .onConflict((oc) =>
        oc.columns(['notificationId', 'actorId']).doUpdateSet({ actedAt: sql<Date>`now()` }),
      )
      .execute();
  }

  /** Takes an actor out of every notification of this key (the like or follow was undone). */
  async removeActor(recipientId: string, key: string, actorId: string): Promise<void> {
    await this.transaction(async (trx) => {
      const ids = trx
        .selectFrom('notifications')
        .select('id')
        .where('recipientId', '=', recipientId)
        .where('key', '=', key);
      await trx
        .deleteFrom('notificationActors')
        .where('actorId', '=', actorId)
        .where('notificationId', 'in', ids)
        .execute();
      await trx
        .deleteFrom('notifications')
        .where('recipientId', '=', recipientId)
        .where('key', '=', key)
        .where('hasActors', '=', true)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('notificationActors')
                .select('actorId')
                .whereRef('notificationActors.notificationId', '=', 'notifications.id'),
            ),
          ),
        )
        .execute();
    });
  }

  private selectVisible(recipientId: string) {
    const contentKinds = sql.join([...CONTENT_KINDS].map((kind) => sql.lit(kind)));
    return this.db
      .selectFrom('notifications')
      .leftJoin('videos', 'videos.id', 'notifications.videoId')
      .leftJoin('comments', 'comments.id', 'notifications.commentId')
      .selectAll('notifications')
      .select([
        'comments.body as commentBody',
        sql<number>`(select count(*) ${visibleActorsOf(recipientId)})`.as('actorCount'),
      ])
      .where('notifications.recipientId', '=', recipientId)
      .where(sql<SqlBool>`(not notifications.has_actors
        or exists (select 1 ${visibleActorsOf(recipientId)}))`)
      .where(sql<SqlBool>`(notifications.kind not in (${contentKinds}) or (
        (notifications.video_id is null or ${videoVisibleTo(recipientId)})
        and (notifications.comment_id is null or ${commentVisibleTo(recipientId)})))`);
  }

  /** The recipient's notifications they may see, most recent activity first. */
  list(recipientId: string, limit: number, cursor?: { updatedAt: Date; id: string }) {
    let query = this.selectVisible(recipientId);
    if (cursor) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('notifications.updatedAt', 'notifications.id'),
          '<',
          eb.tuple(cursor.updatedAt, cursor.id),
        ),
      );
    }
    return query
      .orderBy('notifications.updatedAt', 'desc')
      .orderBy('notifications.id', 'desc')
      .limit(limit + 1)
      .execute() as Promise<ListedNotification[]>;
  }

  findVisible(recipientId: string, id: string) {
    return this.selectVisible(recipientId)
      .where('notifications.id', '=', id)
      .executeTakeFirst() as Promise<ListedNotification | undefined>;
  }

  async countUnread(recipientId: string): Promise<number> {
    const row = await this.selectVisible(recipientId)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('notifications.readAt', 'is', null)
      .executeTakeFirstOrThrow();
    return row.count;
  }

  /** The three most recent visible actors of each notification. */
  async actorsOf(recipientId: string, notificationIds: string[]): Promise<NotificationActor[]> {
    if (notificationIds.length === 0) return [];
    const { rows } = await sql<NotificationActor>`
      select ranked.* from (
        select actor.*, notification_actors.notification_id, row_number() over (
          partition by notification_actors.notification_id
          order by notification_actors.acted_at desc, actor.id desc) as rank
        from notification_actors
        join accounts actor on actor.id = notification_actors.actor_id
        where notification_actors.notification_id = any(${notificationIds}::uuid[])
          and ${actorVisibleTo(recipientId)}
      ) ranked
      where ranked.rank <= 3
      order by ranked.rank`.execute(this.db);
    return rows;
  }

  async markRead(recipientId: string, ids: string[] | 'all'): Promise<void> {
    let query = this.db
      .updateTable('notifications')
      .set({ readAt: sql<Date>`now()` })
      .where('recipientId', '=', recipientId)
      .where('readAt', 'is', null);
    if (ids !== 'all') query = query.where('id', 'in', ids.length > 0 ? ids : [uuidv7()]);
    await query.execute();
  }

  /** Accounts by handle (case-insensitive), for mentions. */
  findAccountsByHandles(handles: string[]) {
    if (handles.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('accounts')
      .select(['id', 'handle'])
      .where(
        sql`lower(handle)`,
        'in',
        handles.map((handle) => handle.toLowerCase()),
      )
      .execute();
  }

  findVideos(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return selectVideosWithCreator(this.db).where('videos.id', 'in', ids).execute();
  }

  findCommentVideo(commentId: string) {
    return this.db
      .selectFrom('comments')
      .select(['videoId'])
      .where('id', '=', commentId)
      .executeTakeFirst();
  }
}
