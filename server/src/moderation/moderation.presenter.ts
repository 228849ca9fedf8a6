// Reports and moderation actions as the admin API shows them.
import type { ModerationActionRow } from '../platform/db/index.js';
import type { QueuedReport } from './moderation.store.js';

export function presentReport(report: QueuedReport) {
  return {
    id: report.id,
    subject: {
      kind: report.subjectKind,
      id: report.videoId ?? report.commentId ?? report.subjectAccountId,
      account: { id: report.subjectAccountId, handle: report.subjectHandle },
      text: report.videoCaption ?? report.commentBody ?? null,
    },
    reason: report.reason,
    details: report.details,
    reporter: { id: report.reporterId, handle: report.reporterHandle },
    status: report.status,
    createdAt: report.createdAt.toISOString(),
  };
}

export function presentAction(action: ModerationActionRow) {
  return {
    id: action.id,
    action: action.action,
    admin: { id: action.adminId, handle: action.adminHandle },
    reportId: action.reportId,
    subject: { kind: action.subjectKind, id: action.subjectId, accountId: action.subjectAccountId },
    reason: action.reason,
    createdAt: action.createdAt.toISOString(),
  };
}
