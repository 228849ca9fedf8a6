// Starting, restoring and ending sessions. Every change is told to the app's other tabs, which
// then ask the server again, so a log-out in one tab does not leave another with a dead token.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from './client';
import { sessionStore, type SignedOutReason } from './sessionStore';

const signedOut = (reason: SignedOutReason) =>
  ({ status: 'signed-out', account: null, csrfToken: null, reason }) as const;

const otherTabs =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('shortwave-session') : null;
otherTabs?.addEventListener('message', () => void loadSession());

function applySessionState(state: Schemas['SessionState']) {
  if (state.account && state.csrfToken) {
    sessionStore.set({ status: 'signed-in', account: state.account, csrfToken: state.csrfToken });
  } else {
    sessionStore.set(signedOut('not-logged-in'));
  }
}

function announceChange() {
  otherTabs?.postMessage('changed');
}

export async function loadSession(): Promise<void> {
  try {
    applySessionState(await unwrap(api.GET('/api/v1/session')));
  } catch {
    // A signed-in tab keeps its session through a blip; a starting one says it is offline.
    if (sessionStore.get().status !== 'signed-in')
      sessionStore.set({ status: 'unreachable', account: null, csrfToken: null });
  }
}

export async function signUp(body: {
  handle: string;
  password: string;
  displayName?: string;
}): Promise<void> {
  applySessionState(await unwrap(api.POST('/api/v1/accounts', { body })));
  announceChange();
}

export async function logIn(body: { handle: string; password: string }): Promise<void> {
  applySessionState(await unwrap(api.POST('/api/v1/session', { body })));
  announceChange();
}

/**
 * Ends this session on the server. It never throws: if the server could not be reached or had
 * already ended it, there is nothing the user can do, and the next visit asks again. Then call
 * forgetSession().
 */
export async function logOutOnServer(): Promise<void> {
  try {
    await unwrap(api.DELETE('/api/v1/session'));
  } catch {
    // See above.
  }
}

/**
 * Drops everything this tab knows about the account (after log-out or account deletion). A page
 * that needs an account then sends you home (see RequireAccount).
 */
export function forgetSession() {
  sessionStore.set(signedOut('logged-out'));
  announceChange();
}

/** After a profile change: the server's answer is the new truth. */
export function replaceAccount(account: Schemas['Me']) {
  const current = sessionStore.get();
  if (current.status === 'signed-in') sessionStore.set({ ...current, account });
}
