// Jobs the For You capability owns: keeping the incrementally learnt trending table small (each
// event adds to it; this trims what no page can read any more). Co-watch lists are bounded as
// they are learnt.
import type { JobDefinition } from '../platform/queue/index.js';
import type { RecommendationService } from './recommendation.service.js';

export const PRUNE_TRENDING_JOB = 'recommendation.prune-trending';

export function recommendationJobs(recommendation: RecommendationService): JobDefinition<never>[] {
  return [
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
