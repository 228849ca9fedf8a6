// Jobs the For You capability owns: keeping the incrementally learnt co-watch and trending tables
// small (each event adds to them; these trim what no page can read any more).
import type { JobDefinition } from '../platform/queue/index.js';
import type { RecommendationService } from './recommendation.service.js';

export const PRUNE_CO_WATCH_JOB = 'recommendation.prune-co-watch';
export const PRUNE_TRENDING_JOB = 'recommendation.prune-trending';

/** Co-watch rows kept per video; the page reads the heaviest 50. */
const CO_WATCH_ROWS_KEPT = 300;

export function recommendationJobs(recommendation: RecommendationService): JobDefinition<never>[] {
  return [
    {
      name: PRUNE_CO_WATCH_JOB,
      cron: '*/30 * * * *',
      policy: { retryLimit: 1 },
      handler: async (_data, { log }) => {
        const deleted = await recommendation.pruneCoWatch(CO_WATCH_ROWS_KEPT);
        if (deleted > 0) log.info({ deleted }, 'light co-watch rows pruned');
      },
    },
    {
      name: PRUNE_TRENDING_JOB,
      cron: '17 * * * *',
      policy: { retryLimit: 1 },
      handler: async (_data, { log }) => {
        const deleted = await recommendation.pruneTrending();
        if (deleted > 0) log.info({ deleted }, 'decayed trending rows pruned');
      },
    },
  ];
}
