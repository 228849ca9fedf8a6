// The For You capability's door: viewing events learnt in real time, the ranked page, the
// viewer's controls, and the upkeep jobs.
import { DEFAULT_FOR_YOU_PARAMS, type ForYouParams } from '@shortwave/ranking';
import type { Logger } from 'pino';
import type { EngagementService } from '../engagement/index.js';
import type { Db, PreparedStatements } from '../platform/db/index.js';
import { CandidateFactsCache } from './recommendation.candidate-cache.js';
import { ForYouLearner } from './recommendation.learner.js';
import { RecommendationService } from './recommendation.service.js';
import { ForYouPageStore } from './recommendation.page-store.js';
import { PagesInFlight } from './recommendation.pages-in-flight.js';
import { RecommendationStore } from './recommendation.store.js';

export { RecommendationService } from './recommendation.service.js';
export type { FeedViewer, ForYouItem } from './recommendation.service.js';
export { recommendationRoutes } from './recommendation.routes.js';
export { recommendationJobs, PRUNE_TRENDING_JOB } from './recommendation.jobs.js';

/**
 * How long a candidate's cached facts stand: what another server's learner counted, or a change
 * to the video or its creator, reaches this server's pages within it (the listed ten are checked
 * anew on every page).
 */
const CANDIDATE_FACTS_TTL_MS = 30_000;
/** About 1 kB each: 100k videos (bench:feed's instance) are some 100 MB. */
const CANDIDATE_FACTS_CACHED = 100_000;

/** Builds the store, the learner and the service (the composition root calls this once). */
export function createRecommendationService(deps: {
  db: Db;
  /** Where the learner writes: a pool that may wait behind requests (Database.background). */
  learningDb: Db;
  /** The page's queries run as named statements (planned once per connection). */
  prepared: PreparedStatements;
  engagement: EngagementService;
  region: string;
  log: Logger;
  params?: ForYouParams;
  now?: () => number;
}): RecommendationService {
  const params = deps.params ?? DEFAULT_FOR_YOU_PARAMS;
  const halfLives = {
    affinityMs: params.affinityHalfLifeMs,
    trendingMs: params.trendingHalfLifeMs,
  };
  const store = new RecommendationStore(deps.db, halfLives);
  const pagesInFlight = new PagesInFlight();
  const candidates = new CandidateFactsCache({
    ttlMs: CANDIDATE_FACTS_TTL_MS,
    maxEntries: CANDIDATE_FACTS_CACHED,
    ...(deps.now ? { now: deps.now } : {}),
  });
  return new RecommendationService({
    store,
    pages: new ForYouPageStore(deps.db, deps.prepared),
    candidates,
    pagesInFlight,
    learner: new ForYouLearner({
      store: new RecommendationStore(deps.learningDb, halfLives),
      params,
      log: deps.log,
      pages: pagesInFlight,
      candidates,
    }),
    engagement: deps.engagement,
    params,
    region: deps.region,
    log: deps.log,
    ...(deps.now ? { now: deps.now } : {}),
  });
}
