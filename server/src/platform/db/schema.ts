// The typed shape of every table, as Kysely sees it after CamelCasePlugin (snake_case in SQL,
// camelCase here). schema.test.ts checks it against the migrated database.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface AccountsTable {
  id: string;
  handle: string;
  displayName: Generated<string>;
  bio: Generated<string>;
  avatarKey: string | null;
  passwordHash: string;
  role: Generated<'member' | 'admin'>;
  homeRegion: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  /** Social: only approved followers see this account's videos and lists. */
  isPrivate: Generated<boolean>;
  /** Moderation: a suspended account cannot act, and its content is shown nowhere. */
  suspendedAt: Date | null;
}

export interface SessionsTable {
  id: string;
  accountId: string;
  kind: 'cookie' | 'token';
  label: Generated<string>;
  csrfToken: string | null;
  userAgent: Generated<string>;
  createdAt: CreatedAt;
  lastUsedAt: UpdatedAt;
  expiresAt: Date | null;
}

export interface RateLimitWindowsTable {
  key: string;
  hits: number;
  windowEndsAt: Date;
}

export interface BlobDeletionsTable {
  prefix: string;
  requestedAt: CreatedAt;
}

export type VideoVisibility = 'public' | 'followers' | 'private';
export type VideoState = 'uploading' | 'processing' | 'ready' | 'failed';

/** A published rendition, as listed in the master playlist. */
export type RenditionRecord = {
  name: string;
  width: number;
  height: number;
  bandwidth: number;
  averageBandwidth: number;
  codecs: string;
  frameRate: number;
  playlist: string;
  /** A single-file MP4 of this rendition beside its playlist, for a plain <video src>. */
  progressiveFile?: string;
};

export interface VideosTable {
  id: string;
  accountId: string;
  caption: Generated<string>;
  hashtags: Generated<string[]>;
  mentions: Generated<string[]>;
  visibility: Generated<VideoVisibility>;
  commentsEnabled: Generated<boolean>;
  language: string | null;
  state: Generated<VideoState>;
  failureCode: string | null;
  failureReason: string | null;
  processingPercent: Generated<number>;
  uploadId: string | null;
  uploadSizeBytes: number | null;
  sourceKey: string | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  mediaRevision: string | null;
  renditions: ColumnType<RenditionRecord[], string | undefined, string>;
  posterKey: string | null;
  thumbnailsKey: string | null;
  thumbnailsVttKey: string | null;
  /** WebVTT of the source's subtitles, when it had text subtitles. */
  subtitlesKey: string | null;
  /** Their ISO 639 language as the source tagged it. */
  subtitlesLanguage: string | null;
  playableAt: Date | null;
  readyAt: Date | null;
  processingAttempt: string | null;
  processingOwner: string | null;
  processingHeartbeatAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  /** Moderation: removed content is shown nowhere. */
  removedAt: Date | null;
}

// ---- social, engagement, comments, notifications, search, moderation ----

export type FollowState = 'pending' | 'accepted';

export interface FollowsTable {
  followerId: string;
  followeeId: string;
  state: FollowState;
  createdAt: CreatedAt;
  acceptedAt: Date | null;
}

export interface BlocksTable {
  blockerId: string;
  blockedId: string;
  createdAt: CreatedAt;
}

export interface MutesTable {
  muterId: string;
  mutedId: string;
  createdAt: CreatedAt;
}

/** Maintained by triggers; never written by application code. */
export interface AccountStatsTable {
  accountId: string;
  followerCount: Generated<number>;
  followingCount: Generated<number>;
}

/** Likes, saves and comments counted by triggers; views and shares by the engagement service. */
export interface VideoStatsTable {
  videoId: string;
  likeCount: Generated<number>;
  saveCount: Generated<number>;
  commentCount: Generated<number>;
  shareCount: Generated<number>;
  viewCount: Generated<number>;
}

export interface VideoLikesTable {
  videoId: string;
  accountId: string;
  createdAt: CreatedAt;
}

export interface VideoSavesTable {
  accountId: string;
  videoId: string;
  createdAt: CreatedAt;
}

export interface EngagementMarksTable {
  videoId: string;
  kind: 'view' | 'share';
  viewerKey: string;
  countedAt: Date;
}

export interface VideoPinsTable {
  videoId: string;
  accountId: string;
  pinnedAt: CreatedAt;
}

export interface CommentsTable {
  id: string;
  videoId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  hashtags: Generated<string[]>;
  mentions: Generated<string[]>;
  likeCount: Generated<number>;
  replyCount: Generated<number>;
  removedAt: Date | null;
  createdAt: CreatedAt;
}

export interface CommentLikesTable {
  commentId: string;
  accountId: string;
  createdAt: CreatedAt;
}

export interface CommentPinsTable {
  videoId: string;
  commentId: string;
  pinnedAt: UpdatedAt;
}

export interface CommentFiltersTable {
  accountId: string;
  keywords: string[];
  patterns: string[];
  updatedAt: UpdatedAt;
}

export interface NotificationsTable {
  id: string;
  recipientId: string;
  kind: string;
  key: string;
  isGrouped: boolean;
  hasActors: boolean;
  videoId: string | null;
  commentId: string | null;
  details: ColumnType<Record<string, string>, string | undefined, string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  readAt: Date | null;
}

export interface NotificationActorsTable {
  notificationId: string;
  actorId: string;
  actedAt: UpdatedAt;
}

export interface HashtagsTable {
  tag: string;
  firstUsedAt: CreatedAt;
}

export type ReportSubjectKind = 'video' | 'comment' | 'account';

export interface ReportsTable {
  id: string;
  reporterId: string;
  subjectKind: ReportSubjectKind;
  videoId: string | null;
  commentId: string | null;
  subjectAccountId: string;
  reason: string;
  details: Generated<string>;
  status: Generated<'open' | 'dismissed' | 'actioned'>;
  createdAt: CreatedAt;
  resolvedAt: Date | null;
}

export interface ModerationActionsTable {
  id: string;
  adminId: string | null;
  adminHandle: string;
  action: 'dismiss' | 'remove-content' | 'suspend-account';
  reportId: string | null;
  subjectKind: ReportSubjectKind;
  subjectId: string;
  subjectAccountId: string | null;
  reason: string;
  createdAt: CreatedAt;
}

export interface DB {
  accounts: AccountsTable;
  sessions: SessionsTable;
  rateLimitWindows: RateLimitWindowsTable;
  blobDeletions: BlobDeletionsTable;
  videos: VideosTable;
  follows: FollowsTable;
  blocks: BlocksTable;
  mutes: MutesTable;
  accountStats: AccountStatsTable;
  videoStats: VideoStatsTable;
  videoLikes: VideoLikesTable;
  videoSaves: VideoSavesTable;
  engagementMarks: EngagementMarksTable;
  videoPins: VideoPinsTable;
  comments: CommentsTable;
  commentLikes: CommentLikesTable;
  commentPins: CommentPinsTable;
  commentFilters: CommentFiltersTable;
  notifications: NotificationsTable;
  notificationActors: NotificationActorsTable;
  hashtags: HashtagsTable;
  reports: ReportsTable;
  moderationActions: ModerationActionsTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type VideoRow = Selectable<VideosTable>;
export type VideoUpdate = Updateable<VideosTable>;
export type CommentRow = Selectable<CommentsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type ModerationActionRow = Selectable<ModerationActionsTable>;
