// Whether the viewer follows each creator in the feed, shared by every slide of that creator so
// following from one video updates the "+" on the others.
import { useEffect, useSyncExternalStore } from 'react';
import type { Schemas } from '@shortwave/api-client';
import { followCreator, readFollowStatus } from './engagement.api';

type FollowStatus = Schemas['FollowStatus'];

const statuses = new Map<string, FollowStatus>();
const loading = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function publish(handle: string, status: FollowStatus) {
  statuses.set(handle.toLowerCase(), status);
  version += 1;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Seeds what a feed already knows (everyone in Following is followed). */
export function rememberFollowStatus(handle: string, status: FollowStatus) {
  if (statuses.get(handle.toLowerCase()) !== status) publish(handle, status);
}

/** The status, or undefined while unknown; asks the server once when `shouldLoad`. */
export function useFollowStatus(handle: string, shouldLoad: boolean): FollowStatus | undefined {
  useSyncExternalStore(subscribe, () => version);
  const key = handle.toLowerCase();
  useEffect(() => {
    if (!shouldLoad || statuses.has(key) || loading.has(key)) return;
    loading.add(key);
    readFollowStatus(key)
      .then((status) => publish(key, status))
      .catch(() => undefined)
      .finally(() => loading.delete(key));
  }, [key, shouldLoad]);
  return statuses.get(key);
}

export async function follow(handle: string): Promise<FollowStatus> {
  const status = await followCreator(handle);
  publish(handle, status);
  return status;
}

/** After logging out or in, nothing known about the old viewer applies. */
export function forgetFollowStatuses() {
  statuses.clear();
  version += 1;
  listeners.forEach((listener) => listener());
}
