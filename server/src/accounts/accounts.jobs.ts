// Jobs the accounts capability owns.
import type { JobDefinition } from '../platform/queue/index.js';
import type { SessionsService } from './sessions.service.js';

export const DELETE_EXPIRED_SESSIONS_JOB = 'accounts.delete-expired-sessions';

export function accountsJobs(sessions: SessionsService): JobDefinition<never>[] {
  return [
    {
      name: DELETE_EXPIRED_SESSIONS_JOB,
      policy: { retryLimit: 2 },
      handler: async (_data, { log }) => {
        const deleted = await sessions.deleteExpiredSessions();
        if (deleted > 0) log.info({ deleted }, 'expired sessions deleted');
      },
    },
  ];
}
