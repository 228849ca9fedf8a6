// The rules of moderation: anyone reports what they can see; administrators work through the
// open reports and dismiss them or act (remove the content, suspend the account). Every decision
// is recorded (who, when, why) and announced to the reporters and the author. A suspended account
// cannot act: its sessions stop resolving.
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { CommentsService } from '../comments/index.js';
import type { Page, Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import { notFound } from '../platform/errors.js';
import type { Queue } from '../platform/queue/index.js';
import { accountNotFound } from '../social/index.js';
import type { VideosService } from '../videos/index.js';
import {
  cannotReportYourself,
  cannotSuspendYourself,
  nothingToRemove,
  reportNotFound,
  reportNotOpen,
} from './moderation.errors.js';
import { presentAction, presentReport } from './moderation.presenter.js';
import type { ModerationStore, Subject } from './moderation.store.js';

export const REPORT_REASONS = [
  'spam',
  'harassment',
  'hate',
  'violence',
  'sexual-content',
  'child-safety',
  'self-harm',
  'misinformation',
  'intellectual-property',
  'illegal',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Events notifications subscribe to. */
export const MODERATION_EVENTS = {
  reportResolved: 'report.resolved',
  contentRemoved: 'content.removed',
} as const;
export type ReportOutcome = 'dismissed' | 'content-removed' | 'account-suspended';
export type ReportResolvedEvent = {
  reportId: string;
  reporterId: string;
  outcome: ReportOutcome;
  subjectKind: Subject['kind'];
};
export type ContentRemovedEvent = {
  actionId: string;
  authorId: string;
  subjectKind: Subject['kind'];
  videoId: string | null;
  commentId: string | null;
  reason: string;
};

type Decision = { action: 'dismiss' | 'remove-content' | 'suspend-account'; reason: string };

export class ModerationService {
  constructor(
    private readonly deps: {
      store: ModerationStore;
      videos: VideosService;
      comments: CommentsService;
      queue: Queue;
      log: Logger;
    },
  ) {}

  /** Files a report on something the reporter can see; reporting it again changes nothing. */
  async report(
    viewer: Viewer,
    input: {
      subject: { kind: Subject['kind']; id: string };
      reason: ReportReason;
      details?: string | undefined;
    },
  ) {
    const subject = await this.resolveSubject(viewer.accountId, input.subject);
    if (subject.accountId === viewer.accountId) throw cannotReportYourself();
    const report = await this.deps.store.insertReport({
      id: uuidv7(),
      reporterId: viewer.accountId,
      subject,
      reason: input.reason,
      details: input.details ?? '',
    });
    return { id: report.id, status: report.status };
  }

  private async resolveSubject(
    viewerId: string,
    subject: { kind: Subject['kind']; id: string },
  ): Promise<Subject> {
    switch (subject.kind) {
      case 'video': {
        const video = await this.deps.videos.getVisible(viewerId, subject.id);
        return { kind: 'video', videoId: video.id, commentId: null, accountId: video.accountId };
      }
      case 'comment': {
        const comment = await this.deps.comments.findVisible(viewerId, subject.id);
        if (!comment) throw notFound('comment');
        await this.deps.videos.getVisible(viewerId, comment.videoId);
        return {
          kind: 'comment',
          videoId: null,
          commentId: comment.id,
          accountId: comment.authorId,
        };
      }
      case 'account': {
        const account = await this.deps.store.findVisibleAccount(subject.id, viewerId);
        if (!account) throw accountNotFound(subject.id);
        return { kind: 'account', videoId: null, commentId: null, accountId: account.id };
      }
    }
  }

  async listQueue(limit: number, cursor?: string) {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.listOpen(
      limit,
      after ? { createdAt: new Date(String(after[0])), id: String(after[1]) } : undefined,
    );
    return toPage(rows, limit, (row) => [row.createdAt.toISOString(), row.id], presentReport);
  }

  /**
   * Decides a report. Every open report on the same subject is closed with it; the action is
   * recorded; the reporters learn the outcome and the author what was done and why.
   */
  async decide(admin: Viewer, reportId: string, decision: Decision): Promise<void> {
    const { store, queue } = this.deps;
    await store.transaction(async (trx) => {
      const report = await store.findReportForUpdate(reportId, trx);
      if (!report) throw reportNotFound();
      if (report.status !== 'open') throw reportNotOpen();
      const subject: Subject = {
        kind: report.subjectKind,
        videoId: report.videoId,
        commentId: report.commentId,
        accountId: report.subjectAccountId,
      };
      const actionId = uuidv7();
      if (decision.action === 'remove-content') {
        if (subject.videoId) await store.removeVideo(subject.videoId, trx);
        else if (subject.commentId) await store.removeComment(subject.commentId, trx);
        else throw nothingToRemove();
      } else if (decision.action === 'suspend-account') {
        if (subject.accountId === admin.accountId) throw cannotSuspendYourself();
        await store.suspendAccount(subject.accountId, trx);
      }
      await store.insertAction(
        {
          id: actionId,
          adminId: admin.accountId,
          adminHandle: admin.handle,
          action: decision.action,
          reportId: report.id,
          subjectKind: subject.kind,
          subjectId: subject.videoId ?? subject.commentId ?? subject.accountId,
          subjectAccountId: subject.accountId,
          reason: decision.reason,
        },
        trx,
      );
      const resolved = await store.resolveOpenReports(
        subject,
        decision.action === 'dismiss' ? 'dismissed' : 'actioned',
        trx,
      );
      const outcome: ReportOutcome =
        decision.action === 'dismiss'
          ? 'dismissed'
          : decision.action === 'remove-content'
            ? 'content-removed'
            : 'account-suspended';
      for (const closed of resolved) {
        const event: ReportResolvedEvent = {
          reportId: closed.id,
          reporterId: closed.reporterId,
          outcome,
          subjectKind: subject.kind,
        };
        await queue.publish(MODERATION_EVENTS.reportResolved, event, { trx });
      }
      if (decision.action !== 'dismiss') {
        const removed: ContentRemovedEvent = {
          actionId,
          authorId: subject.accountId,
          subjectKind: decision.action === 'suspend-account' ? 'account' : subject.kind,
          videoId: decision.action === 'remove-content' ? subject.videoId : null,
          commentId: decision.action === 'remove-content' ? subject.commentId : null,
          reason: decision.reason,
        };
        await queue.publish(MODERATION_EVENTS.contentRemoved, removed, { trx });
      }
    });
    this.deps.log.info(
      { reportId, action: decision.action, adminId: admin.accountId },
      'report decided',
    );
  }

  async listActions(
    limit: number,
    cursor?: string,
  ): Promise<Page<ReturnType<typeof presentAction>>> {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.listActions(
      limit,
      after ? { createdAt: new Date(String(after[0])), id: String(after[1]) } : undefined,
    );
    return toPage(rows, limit, (row) => [row.createdAt.toISOString(), row.id], presentAction);
  }
}
