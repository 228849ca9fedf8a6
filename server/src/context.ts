// The composition root: builds the database, queue, blob store, logger and every service once,
// and hands them to the roles. Nothing else constructs a service.
import path from 'node:path';
import type { Logger } from 'pino';
import { AccountsService, AccountsStore, accountsJobs, SessionsService } from './accounts/index.js';
import type { Config } from './config.js';
import {
  type BlobStore,
  deletePendingBlobs,
  DELETE_PENDING_BLOBS_JOB,
  FsBlobStore,
  S3BlobStore,
} from './platform/blobs/index.js';
import { locateFfmpeg } from '@shortwave/ffmpeg';
import { mediaJobs } from './media/index.js';
import { type Database, openDatabase } from './platform/db/index.js';
import { deleteEndedRateLimitWindows } from './platform/http/index.js';
import { type JobDefinition, type Queue, startQueue } from './platform/queue/index.js';
import { SocialService, SocialStore, SuggestionsService } from './social/index.js';
import { EngagementService, EngagementStore, engagementJobs } from './engagement/index.js';
import { FeedService, FeedStore } from './feed/index.js';
import {
  createRecommendationService,
  recommendationJobs,
  type RecommendationService,
} from './recommendation/index.js';
import { ProfilesService, ProfilesStore } from './profiles/index.js';
import { CommentsService, CommentsStore } from './comments/index.js';
import { ModerationService, ModerationStore } from './moderation/index.js';
import { SearchService, SearchStore } from './search/index.js';
import { SharingService } from './sharing/index.js';
import {
  NotificationsService,
  NotificationsStore,
  notificationsJobs,
} from './notifications/index.js';
import { UploadsService } from './uploads/index.js';
import { VideosService, VideosStore, videosJobs } from './videos/index.js';

export type Role = 'serve' | 'worker' | 'all' | 'cli';

export type AppContext = {
  config: Config;
  log: Logger;
  database: Database;
  queue: Queue;
  blobs: BlobStore;
  accounts: AccountsService;
  sessions: SessionsService;
  videos: VideosService;
  uploads: UploadsService;
  social: SocialService;
  suggestions: SuggestionsService;
  engagement: EngagementService;
  feed: FeedService;
  recommendation: RecommendationService;
  profiles: ProfilesService;
  comments: CommentsService;
  notifications: NotificationsService;
  moderation: ModerationService;
  search: SearchService;
  sharing: SharingService;
  scratchDir: string;
  /** Every job of every capability; the worker refuses to start if one lacks a handler. */
  jobs: JobDefinition<never>[];
  close(): Promise<void>;
};

export async function createContext(config: Config, log: Logger, role: Role): Promise<AppContext> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    log: log.child({ component: 'db' }),
  });
  let queue: Queue;
  try {
    queue = await startQueue({
      connectionString: database.connectionString,
      log: log.child({ component: 'queue' }),
      isSupervisor: role === 'worker' || role === 'all',
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const db = database.db;
  const blobs = createBlobStore(config);
  // Where workers transcode: local disk, emptied as each job ends.
  const scratchDir = path.join(config.dataDir, 'scratch');

  const accountsStore = new AccountsStore(db, database.prepared);
  const sessions = new SessionsService(accountsStore, { sessionDays: config.sessionDays });
  const accounts = new AccountsService({
    store: accountsStore,
    sessions,
    blobs,
    queue,
    region: config.region,
    log: log.child({ capability: 'accounts' }),
  });

  const social = new SocialService({
    store: new SocialStore(db),
    queue,
    log: log.child({ capability: 'social' }),
  });
  const videos = new VideosService({
    store: new VideosStore(db),
    queue,
    audience: (viewerId, video) => social.audienceOf(viewerId, video),
    log: log.child({ capability: 'videos' }),
  });
  const engagement = new EngagementService({
    store: new EngagementStore(db),
    videos,
    queue,
    log: log.child({ capability: 'engagement' }),
  });
  const feed = new FeedService({ store: new FeedStore(db), engagement });
  const recommendation = createRecommendationService({
    db,
    learningDb: database.background,
    prepared: database.prepared,
    engagement,
    region: config.region,
    log: log.child({ capability: 'recommendation' }),
  });
  const profiles = new ProfilesService({
    store: new ProfilesStore(db),
    social,
    engagement,
    videos,
  });
  const comments = new CommentsService({
    store: new CommentsStore(db),
    videos,
    queue,
    log: log.child({ capability: 'comments' }),
  });
  const notifications = new NotificationsService({ store: new NotificationsStore(db) });
  const moderation = new ModerationService({
    store: new ModerationStore(db),
    videos,
    comments,
    queue,
    log: log.child({ capability: 'moderation' }),
  });
  const uploads = new UploadsService({
    videos,
    blobs,
    uploadDir: path.join(config.dataDir, 'uploads'),
    maxSizeBytes: config.maxUploadBytes,
    abandonedAfterMs: config.abandonedUploadHours * 3_600_000,
    log: log.child({ capability: 'uploads' }),
  });

  const platformJobs: JobDefinition<never>[] = [
    {
      name: DELETE_PENDING_BLOBS_JOB,
      cron: '*/10 * * * *',
      handler: async (_data, job) => void (await deletePendingBlobs(db, blobs, job.log)),
    },
    {
      name: 'platform.delete-ended-rate-limit-windows',
      cron: '*/15 * * * *',
      policy: { retryLimit: 1 },
      handler: async () => void (await deleteEndedRateLimitWindows(db)),
    },
  ];
  const jobs = [
    ...platformJobs,
    ...accountsJobs(sessions),
    ...videosJobs(videos, config.abandonedUploadHours),
    ...engagementJobs(engagement),
    ...recommendationJobs(recommendation),
    ...notificationsJobs({ notifications, videos, engagement, comments, social }),
    ...mediaJobs({
      videos,
      blobs,
      tools: locateFfmpeg({ ffmpegPath: config.ffmpegPath, ffprobePath: config.ffprobePath }),
      limits: {
        maxDurationMs: config.maxVideoSeconds * 1000,
        minDurationMs: 500,
        maxLongSidePx: config.maxVideoLongSidePx,
        minShortSidePx: 64,
      },
      scratchDir,
      log: log.child({ capability: 'media' }),
    }),
  ];
  await queue.declare(jobs);

  return {
    config,
    log,
    database,
    queue,
    blobs,
    accounts,
    sessions,
    videos,
    uploads,
    social,
    suggestions: new SuggestionsService(db),
    engagement,
    feed,
    recommendation,
    profiles,
    comments,
    notifications,
    moderation,
    search: new SearchService({ store: new SearchStore(db), engagement }),
    sharing: new SharingService({
      videos,
      publicUrl: config.publicUrl,
      webDistDir: config.webDistDir,
    }),
    jobs,
    scratchDir,
    async close() {
      await queue.stop(config.shutdownGraceMs);
      await database.close();
    },
  };
}

function createBlobStore(config: Config): BlobStore {
  if (!config.s3Bucket) return new FsBlobStore(path.join(config.dataDir, 'blobs'));
  return new S3BlobStore({
    bucket: config.s3Bucket,
    region: config.s3Region,
    endpoint: config.s3Endpoint,
    accessKeyId: config.s3AccessKeyId,
    secretAccessKey: config.s3SecretAccessKey,
    forcePathStyle: config.s3ForcePathStyle,
    prefix: config.s3Prefix,
  });
}
