// Jobs the videos capability owns.
import type { JobDefinition } from '../platform/queue/index.js';
import type { VideosService } from './videos.service.js';

export const DELETE_ABANDONED_DRAFTS_JOB = 'videos.delete-abandoned-drafts';

export function videosJobs(
  videos: VideosService,
  abandonedUploadHours: number,
): JobDefinition<never>[] {
  return [
    {
      name: DELETE_ABANDONED_DRAFTS_JOB,
      cron: '17 * * * *',
      policy: { retryLimit: 2 },
      handler: async (_data, { log }) => {
        const cutoff = new Date(Date.now() - abandonedUploadHours * 3_600_000);
        const deleted = await videos.deleteAbandonedDrafts(cutoff);
        if (deleted.length > 0) log.info({ drafts: deleted.length }, 'abandoned drafts deleted');
      },
    },
  ];
}
