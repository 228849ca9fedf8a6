// Notifications: recording them (grouped while unread for likes and follows, once per key for
// the rest), listing what the recipient may still see, unread counts, marking read, and telling
// every server with an open stream (NOTIFY), wherever the recording job ran.
import { presentProfile } from '../accounts/index.js';
import { notify } from '../platform/db/index.js';
import type { Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import { presentVideo } from '../videos/index.js';
import { summarise, type NotificationKind } from './notification-kinds.js';
import type {
  ListedNotification,
  NewNotification,
  NotificationActor,
  NotificationsStore,
} from './notifications.store.js';

/** NOTIFY channel: `{ recipientId, notificationId }` whenever a notification changes. */
export const NOTIFICATIONS_CHANNEL = 'shortwave_notifications';
export type NotificationSignal = { recipientId: string; notificationId: string };

export class NotificationsService {
  constructor(private readonly deps: { store: NotificationsStore }) {}

  /** Adds the actor to the recipient's unread group of this key (or starts the group). */
  async recordGrouped(notification: NewNotification, actorId: string): Promise<void> {
    if (notification.recipientId === actorId) return;
    const { store } = this.deps;
    await store.transaction(async (trx) => {
      const id = await store.upsertGroup(notification, trx);
      await store.addActor(id, actorId, trx);
      await notify(trx, NOTIFICATIONS_CHANNEL, {
        recipientId: notification.recipientId,
        notificationId: id,
      } satisfies NotificationSignal);
    });
  }

  /** Records a notification once per (recipient, key): a retried job changes nothing. */
  async recordSingle(notification: NewNotification, actorId: string | null): Promise<void> {
    if (notification.recipientId === actorId) return;
    const { store } = this.deps;
    await store.transaction(async (trx) => {
      const id = await store.insertSingle(notification, actorId !== null, trx);
      if (!id) return;
      if (actorId) await store.addActor(id, actorId, trx);
      await notify(trx, NOTIFICATIONS_CHANNEL, {
        recipientId: notification.recipientId,
        notificationId: id,
      } satisfies NotificationSignal);
    });
  }

  /** Accounts named in @mentions (handles in any case). */
  accountsByHandles(handles: string[]) {
    return this.deps.store.findAccountsByHandles(handles);
  }

  /** The like or follow behind a grouped notification was undone. */
  withdraw(recipientId: string, key: string, actorId: string): Promise<void> {
    return this.deps.store.removeActor(recipientId, key, actorId);
  }

  async list(viewer: Viewer, limit: number, cursor?: string) {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.list(
      viewer.accountId,
      limit,
      after ? { updatedAt: new Date(String(after[0])), id: String(after[1]) } : undefined,
    );
    const page = toPage(
      rows,
      limit,
      (row) => [row.updatedAt.toISOString(), row.id],
      (row) => row,
    );
    return { items: await this.present(viewer.accountId, page.items), nextCursor: page.nextCursor };
  }

  /** One notification as the recipient may see it now; undefined when hidden. */
  async findVisible(recipientId: string, id: string) {
    const row = await this.deps.store.findVisible(recipientId, id);
    return row ? (await this.present(recipientId, [row]))[0] : undefined;
  }

  unreadCount(recipientId: string): Promise<number> {
    return this.deps.store.countUnread(recipientId);
  }

  async markRead(viewer: Viewer, ids: string[] | 'all'): Promise<number> {
    await this.deps.store.markRead(viewer.accountId, ids);
    return this.unreadCount(viewer.accountId);
  }

  private async present(recipientId: string, rows: ListedNotification[]) {
    const ids = rows.map((row) => row.id);
    const videoIds = [...new Set(rows.flatMap((row) => (row.videoId ? [row.videoId] : [])))];
    const [actors, videos] = await Promise.all([
      this.deps.store.actorsOf(recipientId, ids),
      this.deps.store.findVideos(videoIds),
    ]);
    const actorsById = new Map<string, NotificationActor[]>();
    for (const actor of actors) {
      actorsById.set(actor.notificationId, [
        ...(actorsById.get(actor.notificationId) ?? []),
        actor,
      ]);
    }
    const videosById = new Map(videos.map((video) => [video.id, presentVideo(video)]));
    return rows.map((row) => {
      const rowActors = (actorsById.get(row.id) ?? []).map(presentProfile);
      const video = row.videoId ? videosById.get(row.videoId) : undefined;
      return {
        id: row.id,
        kind: row.kind as NotificationKind,
        summary: summarise({
          kind: row.kind as NotificationKind,
          actorNames: rowActors.map((actor) => actor.displayName),
          actorCount: row.actorCount,
          commentBody: row.commentBody,
          details: row.details,
        }),
        actors: rowActors,
        actorCount: row.actorCount,
        video: video ? { id: video.id, caption: video.caption, posterUrl: video.posterUrl } : null,
        comment: row.commentId ? { id: row.commentId, body: row.commentBody ?? '' } : null,
        details: row.details,
        isRead: row.readAt !== null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      };
    });
  }
}

export type PresentedNotification = Awaited<
  ReturnType<NotificationsService['list']>
>['items'][number];
