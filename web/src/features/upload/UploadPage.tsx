// /upload: choose a video, describe it, post it; then watch it upload and process, and open it.
// The upload itself lives in uploadStore, so leaving this page does not stop it.
import { useEffect } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { UploadForm } from './UploadForm';
import styles from './UploadPage.module.css';
import { startOver, uploadStore } from './uploadStore';
import { UploadStatus } from './UploadStatus';
import { useUploadState } from './useUploadState';

export function UploadPage() {
  const upload = useUploadState();

  // A finished upload, once seen, gives way to a fresh form the next time.
  useEffect(
    () => () => {
      if (uploadStore.get().phase === 'ready') startOver();
    },
    [],
  );

  return (
    <>
      <PageHeader title="Upload" />
      <div className={styles.page}>
        {upload.phase === 'idle' ? (
          <UploadForm initialDetails={upload.details} />
        ) : (
          <UploadStatus upload={upload} />
        )}
      </div>
    </>
  );
}
