// The moderators' calls: the open report queue, dismissing a report, acting on it.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';

export type Report = Schemas['Report'];
export type Decision = 'dismiss' | 'remove-content' | 'suspend-account';

export function listOpenReports(cursor: string | undefined) {
  return unwrap(
    api.GET('/api/v1/admin/reports', {
      params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export async function decide(reportId: string, decision: Decision, reason: string): Promise<void> {
  const path = { params: { path: { id: reportId } } };
  await unwrap(
    decision === 'dismiss'
      ? api.POST('/api/v1/admin/reports/{id}/dismiss', { ...path, body: { reason } })
      : api.POST('/api/v1/admin/reports/{id}/actions', {
          ...path,
          body: { action: decision, reason },
        }),
  );
}
