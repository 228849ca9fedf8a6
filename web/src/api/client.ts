// The web app's one API client. It sends the session's CSRF token on every change, and when the
// server answers that nobody is signed in (the session expired or was ended elsewhere), it
// forgets the local session so the UI stops pretending.
import { createApiClient, type ProblemBody } from '@shortwave/api-client';
import { sessionStore } from './sessionStore';

export const api = createApiClient({ getCsrfToken: () => sessionStore.get().csrfToken });

api.use({
  async onResponse({ response }) {
    if (response.status !== 401 || sessionStore.get().status !== 'signed-in') return response;
    const problem = (await response
      .clone()
      .json()
      .catch(() => null)) as ProblemBody | null;
    if (problem?.type === '/problems/unauthenticated') {
      sessionStore.set({ status: 'signed-out', account: null, csrfToken: null, reason: 'expired' });
    }
    return response;
  },
});
