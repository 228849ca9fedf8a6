// The current session for components: re-renders when someone signs in or out.
import { useSyncExternalStore } from 'react';
import { sessionStore, type SessionSnapshot } from './sessionStore';

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
