// How notifications react to what happens elsewhere: one job per event, subscribed through the
// queue, so the capability that acted never waits for (or knows about) notifications. Jobs may
// run late, twice or out of order: a like or follow is re-checked before it is announced, and
// single notifications are keyed so a retry records nothing new.
import {
  COMMENT_EVENTS,
  type CommentLikedEvent,
  type CommentPostedEvent,
  type CommentsService,
} from '../comments/index.js';
import {
  ENGAGEMENT_EVENTS,
  type EngagementService,
  type VideoLikeEvent,
} from '../engagement/index.js';
import {
  MODERATION_EVENTS,
  type ContentRemovedEvent,
  type ReportResolvedEvent,
} from '../moderation/index.js';
import type { JobDefinition } from '../platform/queue/index.js';
import { SOCIAL_EVENTS, type FollowEvent, type SocialService } from '../social/index.js';
import { VIDEO_EVENTS, type VideoLifecycleEvent, type VideosService } from '../videos/index.js';
import type { NotificationsService } from './notifications.service.js';

type Deps = {
  notifications: NotificationsService;
  videos: VideosService;
  engagement: EngagementService;
  comments: CommentsService;
  social: SocialService;
};

/** The job that records notifications for `event`: `notifications.record-video-liked`. */
export const recordJobName = (event: string) => `notifications.record-${event.replace('.', '-')}`;

function reaction<T>(event: string, handler: (data: T) => Promise<void>): JobDefinition<never> {
  return {
    name: recordJobName(event),
    subscribesTo: [event],
    policy: { retryLimit: 5 },
    handler: (data: T) => handler(data),
  };
}

export function notificationsJobs(deps: Deps): JobDefinition<never>[] {
  const { notifications, videos, engagement, comments, social } = deps;
  return [
    reaction<VideoLikeEvent>(ENGAGEMENT_EVENTS.liked, async (like) => {
      if (!(await engagement.hasLiked(like.videoId, like.accountId))) return;
      await notifications.recordGrouped(
        {
          recipientId: like.creatorId,
          kind: 'video-liked',
          key: `video-liked:${like.videoId}`,
          videoId: like.videoId,
        },
        like.accountId,
      );
    }),
    reaction<VideoLikeEvent>(ENGAGEMENT_EVENTS.unliked, async (like) => {
      if (await engagement.hasLiked(like.videoId, like.accountId)) return;
      await notifications.withdraw(like.creatorId, `video-liked:${like.videoId}`, like.accountId);
    }),
    reaction<CommentLikedEvent>(COMMENT_EVENTS.liked, async (like) => {
      if (!(await comments.hasLiked(like.commentId, like.accountId))) return;
      await notifications.recordGrouped(
        {
          recipientId: like.authorId,
          kind: 'comment-liked',
          key: `comment-liked:${like.commentId}`,
          videoId: like.videoId,
          commentId: like.commentId,
        },
        like.accountId,
      );
    }),
    reaction<CommentLikedEvent>(COMMENT_EVENTS.unliked, async (like) => {
      if (await comments.hasLiked(like.commentId, like.accountId)) return;
      await notifications.withdraw(
        like.authorId,
        `comment-liked:${like.commentId}`,
        like.accountId,
      );
    }),
    reaction<CommentPostedEvent>(COMMENT_EVENTS.posted, async (comment) => {
      const about = { videoId: comment.videoId, commentId: comment.commentId };
      const told = new Set([comment.authorId]);
      if (comment.repliedToAuthorId && !told.has(comment.repliedToAuthorId)) {
        told.add(comment.repliedToAuthorId);
        await notifications.recordSingle(
          {
            recipientId: comment.repliedToAuthorId,
            kind: 'comment-replied',
            key: `comment-replied:${comment.commentId}`,
            ...about,
          },
          comment.authorId,
        );
      }
      if (!told.has(comment.creatorId)) {
        told.add(comment.creatorId);
        await notifications.recordSingle(
          {
            recipientId: comment.creatorId,
            kind: 'video-commented',
            key: `video-commented:${comment.commentId}`,
            ...about,
          },
          comment.authorId,
        );
      }
      for (const mentioned of await notifications.accountsByHandles(comment.mentions)) {
        if (told.has(mentioned.id)) continue;
        await notifications.recordSingle(
          {
            recipientId: mentioned.id,
            kind: 'mentioned-in-comment',
            key: `mentioned-in-comment:${comment.commentId}`,
            ...about,
          },
          comment.authorId,
        );
      }
    }),
    reaction<FollowEvent>(SOCIAL_EVENTS.followed, async (follow) => {
      if (!(await social.isFollower(follow.followerId, follow.followeeId))) return;
      await notifications.recordGrouped(
        { recipientId: follow.followeeId, kind: 'account-followed', key: 'account-followed' },
        follow.followerId,
      );
    }),
    reaction<FollowEvent>(SOCIAL_EVENTS.unfollowed, async (follow) => {
      if (await social.isFollower(follow.followerId, follow.followeeId)) return;
      await notifications.withdraw(follow.followeeId, 'account-followed', follow.followerId);
    }),
    reaction<FollowEvent>(SOCIAL_EVENTS.followRequested, async (request) => {
      await notifications.recordGrouped(
        { recipientId: request.followeeId, kind: 'follow-requested', key: 'follow-requested' },
        request.followerId,
      );
    }),
    reaction<FollowEvent>(SOCIAL_EVENTS.followAccepted, async (follow) => {
      await notifications.recordSingle(
        {
          recipientId: follow.followerId,
          kind: 'follow-accepted',
          key: `follow-accepted:${follow.followeeId}:${follow.at}`,
        },
        follow.followeeId,
      );
    }),
    reaction<VideoLifecycleEvent>(VIDEO_EVENTS.published, async (published) => {
      const video = await videos.findById(published.videoId);
      if (!video) return;
      for (const mentioned of await notifications.accountsByHandles(video.mentions)) {
        await notifications.recordSingle(
          {
            recipientId: mentioned.id,
            kind: 'mentioned-in-video',
            key: `mentioned-in-video:${video.id}`,
            videoId: video.id,
          },
          video.accountId,
        );
      }
    }),
    reaction<VideoLifecycleEvent>(VIDEO_EVENTS.ready, async (ready) => {
      await notifications.recordSingle(
        {
          recipientId: ready.accountId,
          kind: 'video-ready',
          key: `video-ready:${ready.videoId}`,
          videoId: ready.videoId,
        },
        null,
      );
    }),
    reaction<VideoLifecycleEvent & { code?: string; reason?: string }>(
      VIDEO_EVENTS.failed,
      async (failed) => {
        await notifications.recordSingle(
          {
            recipientId: failed.accountId,
            kind: 'video-failed',
            key: `video-failed:${failed.videoId}`,
            videoId: failed.videoId,
            details: { code: failed.code ?? 'unknown', reason: failed.reason ?? '' },
          },
          null,
        );
      },
    ),
    reaction<ReportResolvedEvent>(MODERATION_EVENTS.reportResolved, async (resolved) => {
      await notifications.recordSingle(
        {
          recipientId: resolved.reporterId,
          kind: 'report-resolved',
          key: `report-resolved:${resolved.reportId}`,
          details: { outcome: resolved.outcome, subjectKind: resolved.subjectKind },
        },
        null,
      );
    }),
    reaction<ContentRemovedEvent>(MODERATION_EVENTS.contentRemoved, async (removed) => {
      await notifications.recordSingle(
        {
          recipientId: removed.authorId,
          kind: 'content-removed',
          key: `content-removed:${removed.actionId}`,
          videoId: removed.videoId,
          commentId: removed.commentId,
          details: { subjectKind: removed.subjectKind, reason: removed.reason },
        },
        null,
      );
    }),
  ];
}
