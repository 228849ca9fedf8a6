// Jobs the media capability owns: processing a finished upload.
import type { JobDefinition } from '../platform/queue/index.js';
import { VIDEO_UPLOADED_JOB } from '../videos/index.js';
import { processVideo, type ProcessVideoDeps, type ProcessVideoJob } from './process-video.js';

export function mediaJobs(deps: ProcessVideoDeps): JobDefinition<ProcessVideoJob>[] {
  return [
    {
      name: VIDEO_UPLOADED_JOB,
      // A pass over a 10-minute 4K source can take a long while on a small machine; a dead
      // worker is noticed by its lease long before this expiry.
      policy: { retryLimit: 2, retryDelaySeconds: 15, expireInSeconds: 4 * 3600 },
      handler: (data, job) => processVideo({ ...deps, log: job.log }, data, job.isLastAttempt),
    },
  ];
}
