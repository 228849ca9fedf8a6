// Feeds start muted (browsers only autoplay silent video); once the viewer turns the sound on,
// it stays on for every next video and the next visit.
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'shortwave.sound';

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'on';
  } catch {
    return true;
  }
}

let isMuted = readStored();
const listeners = new Set<() => void>();

export const soundPreference = {
  isMuted: () => isMuted,
  setMuted: (next: boolean) => {
    isMuted = next;
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'off' : 'on');
    } catch {
      // Private mode: remembered for this visit only.
    }
    listeners.forEach((listener) => listener());
  },
  /** Mutes this visit only, keeping the stored choice (a refused audible autoplay). */
  muteForNow: () => {
    isMuted = true;
    listeners.forEach((listener) => listener());
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useIsMuted(): boolean {
  return useSyncExternalStore(soundPreference.subscribe, soundPreference.isMuted);
}
