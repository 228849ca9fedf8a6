// The account-security calls of the Settings page.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';

export type SessionSummary = Schemas['SessionSummary'];

const PAGE_LIMIT = 100;
const MAX_PAGES = 10;

/** Every login and token, newest first (the API pages them; Settings shows them all). */
export async function listSessions(): Promise<SessionSummary[]> {
  const sessions: SessionSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await unwrap(
      api.GET('/api/v1/me/sessions', {
        params: { query: { limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) } },
      }),
    );
    sessions.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return sessions;
}

export async function endSession(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
}

export function createToken(label: string): Promise<Schemas['CreatedToken']> {
  return unwrap(api.POST('/api/v1/me/tokens', { body: { label } }));
}

export async function changePassword(body: {
  currentPassword: string;
  newPassword: string;
}): Promise<number> {
  const { endedSessions } = await unwrap(api.POST('/api/v1/me/password', { body }));
  return endedSessions;
}

export async function deleteAccount(password: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/me', { body: { password } }));
}
