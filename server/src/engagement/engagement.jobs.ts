// Jobs the engagement capability owns.
import type { JobDefinition } from '../platform/queue/index.js';
import type { EngagementService } from './engagement.service.js';

export const DELETE_EXPIRED_MARKS_JOB = 'engagement.delete-expired-marks';

export function engagementJobs(engagement: EngagementService): JobDefinition<never>[] {
  return [
    {
      name: DELETE_EXPIRED_MARKS_JOB,
      cron: '23 * * * *',
      policy: { retryLimit: 2 },
      handler: async (_data, { log }) => {
        const deleted = await engagement.deleteExpiredMarks();
        if (deleted > 0) log.info({ deleted }, 'expired view and share marks deleted');
      },
    },
  ];
}
