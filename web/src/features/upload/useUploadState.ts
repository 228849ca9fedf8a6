// The upload in progress for components: re-renders on every change of it.
import { useSyncExternalStore } from 'react';
import { uploadStore, type UploadState } from './uploadStore';

export function useUploadState(): UploadState {
  return useSyncExternalStore(uploadStore.subscribe, uploadStore.get);
}
