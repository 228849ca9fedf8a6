// Kysely queries for reports, the moderation queue, takedowns and suspensions, and the append-only
// record of moderation actions: plain rows, no rules.
import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  DB,
  Db,
  ModerationActionRow,
  ReportRow,
  ReportSubjectKind,
} from '../platform/db/index.js';
import { accountVisibleTo } from '../social/index.js';

type Executor = Kysely<DB> | Transaction<DB>;

export type Subject = {
  kind: ReportSubjectKind;
  videoId: string | null;
  commentId: string | null;
  accountId: string;
};
export type QueuedReport = ReportRow & {
  reporterHandle: string;
  subjectHandle: string;
  videoCaption: string | null;
  commentBody: string | null;
};

export class ModerationStore {
  constructor(readonly db: Db) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** An account the viewer may see, by id. */
  findVisibleAccount(accountId: string, viewerId: string) {
    return this.db
      .selectFrom('accounts')
      .select(['id', 'handle'])
      .where('id', '=', accountId)
      .where(accountVisibleTo(viewerId))
      .executeTakeFirst();
  }

  /** Files the report, unless this reporter already has one open on the subject. */
  async insertReport(row: {
    id: string;
    reporterId: string;
    subject: Subject;
    reason: string;
    details: string;
  }): Promise<ReportRow> {
    const inserted = await this.db
      .insertInto('reports')
      .values({
        id: row.id,
        reporterId: row.reporterId,
        subjectKind: row.subject.kind,
        videoId: row.subject.videoId,
        commentId: row.subject.commentId,
        subjectAccountId: row.subject.accountId,
        reason: row.reason,
        details: row.details,
      })
      .onConflict((oc) =>
        oc
          .expression(
            sql`reporter_id, subject_kind, coalesce(video_id, comment_id, subject_account_id)`,
          )
          .where('status', '=', 'open')
          .doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
    if (inserted) return inserted;
    return this.db
      .selectFrom('reports')
      .selectAll()
      .where('reporterId', '=', row.reporterId)
      .where('subjectKind', '=', row.subject.kind)
      .where('status', '=', 'open')
      .where(
        sql`coalesce(video_id, comment_id, subject_account_id)`,
        '=',
        row.subject.videoId ?? row.subject.commentId ?? row.subject.accountId,
      )
      .executeTakeFirstOrThrow();
  }

  /** Open reports, oldest first: the queue moderators work through. */
  listOpen(limit: number, cursor?: { createdAt: Date; id: string }): Promise<QueuedReport[]> {
    let query = this.db
      .selectFrom('reports')
      .innerJoin('accounts as reporter', 'reporter.id', 'reports.reporterId')
      .innerJoin('accounts as subject', 'subject.id', 'reports.subjectAccountId')
      .leftJoin('videos', 'videos.id', 'reports.videoId')
      .leftJoin('comments', 'comments.id', 'reports.commentId')
      .selectAll('reports')
      .select([
        'reporter.handle as reporterHandle',
        'subject.handle as subjectHandle',
        'videos.caption as videoCaption',
        'comments.body as commentBody',
      ])
      .where('reports.status', '=', 'open');
    if (cursor) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('reports.createdAt', 'reports.id'),
          '>',
          eb.tuple(cursor.createdAt, cursor.id),
        ),
      );
    }
    return query
      .orderBy('reports.createdAt', 'asc')
      .orderBy('reports.id', 'asc')
      .limit(limit + 1)
      .execute();
  }

  findReportForUpdate(id: string, trx: Transaction<DB>) {
    return trx
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Closes every open report on the subject; returns who reported it. */
  resolveOpenReports(subject: Subject, status: 'dismissed' | 'actioned', trx: Executor) {
    let query = trx
      .updateTable('reports')
      .set({ status, resolvedAt: sql<Date>`now()` })
      .where('status', '=', 'open')
      .where('subjectKind', '=', subject.kind);
    query =
      subject.kind === 'video'
        ? query.where('videoId', '=', subject.videoId)
        : subject.kind === 'comment'
          ? query.where('commentId', '=', subject.commentId)
          : query.where('subjectAccountId', '=', subject.accountId);
    return query.returning(['id', 'reporterId']).execute();
  }

  async insertAction(row: Omit<ModerationActionRow, 'createdAt'>, trx: Executor): Promise<void> {
    await trx.insertInto('moderationActions').values(row).execute();
  }

  async removeVideo(videoId: string, trx: Executor): Promise<void> {
    await trx
      .updateTable('videos')
      .set({ removedAt: sql<Date>`now()` })
      .where('id', '=', videoId)
      .where('removedAt', 'is', null)
      .execute();
  }

  async removeComment(commentId: string, trx: Executor): Promise<void> {
    await trx
      .updateTable('comments')
      .set({ removedAt: sql<Date>`now()` })
      .where('id', '=', commentId)
      .where('removedAt', 'is', null)
      .execute();
  }

  async suspendAccount(accountId: string, trx: Executor): Promise<void> {
    await trx
      .updateTable('accounts')
      .set({ suspendedAt: sql<Date>`now()` })
      .where('id', '=', accountId)
      .where('suspendedAt', 'is', null)
      .execute();
  }

  /** The record of every moderation action, newest first. */
  listActions(limit: number, cursor?: { createdAt: Date; id: string }) {
    let query = this.db.selectFrom('moderationActions').selectAll();
    if (cursor) {
      query = query.where((eb) =>
        eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(cursor.createdAt, cursor.id)),
      );
    }
    return query
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }
}
