// Who is signed in, kept outside React so the API client can read the CSRF token on every call
// and any component can subscribe (see useSession). Only session.ts changes it.
import type { Schemas } from '@shortwave/api-client';

export type Me = Schemas['Me'];

/**
 * Why nobody is signed in: pages that need an account send a visitor to log in, but someone
 * who just logged out (or deleted the account) there goes home instead.
 */
export type SignedOutReason = 'not-logged-in' | 'logged-out' | 'expired';

export type SessionSnapshot =
  | { status: 'loading'; account: null; csrfToken: null }
  /** The server could not be asked; the app still works for public pages. */
  | { status: 'unreachable'; account: null; csrfToken: null }
  | { status: 'signed-out'; account: null; csrfToken: null; reason: SignedOutReason }
  | { status: 'signed-in'; account: Me; csrfToken: string };

let snapshot: SessionSnapshot = { status: 'loading', account: null, csrfToken: null };
const listeners = new Set<() => void>();

export const sessionStore = {
  get: (): SessionSnapshot => snapshot,
  set: (next: SessionSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
