// Step one of an upload: the file, then its caption, audience and comments; "Post" creates the
// draft and starts sending (see uploadStore). Problems with the details come back onto the form.
import { useState } from 'react';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { FilePicker, isAcceptedFile } from './FilePicker';
import { formatBytes } from './formatBytes';
import styles from './UploadPage.module.css';
import { startUpload } from './uploadStore';
import { DEFAULT_DETAILS, useVideoDetailsForm, VideoDetailsFields } from './VideoDetailsFields';
import type { VideoDetails } from './videos.api';
import { VideoThumbnail } from './VideoThumbnail';

export function UploadForm({ initialDetails }: { initialDetails: VideoDetails | null }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useVideoDetailsForm(initialDetails ?? DEFAULT_DETAILS);

  const chooseFile = (chosen: File) => {
    if (!isAcceptedFile(chosen)) {
      setFileError('That file is not a video. Choose an MP4, MOV, WebM or GIF file.');
      return;
    }
    setFileError(null);
    setFile(chosen);
  };

  if (!file) {
    return (
      <div className={styles.form}>
        <FilePicker onFileChosen={chooseFile} />
        <FormAlert message={fileError} />
      </div>
    );
  }

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        // On success the upload page shows the progress instead of this form.
        void form.submit((details) => startUpload(file, details));
      }}
      noValidate
    >
      <div className={styles.chosenFile}>
        <VideoThumbnail file={file} />
        <div className={styles.fileFacts}>
          <p className={styles.fileName}>{file.name}</p>
          <p className={styles.fileSize}>{formatBytes(file.size)}</p>
        </div>
        <Button variant="secondary" isSmall onClick={() => setFile(null)} disabled={form.isPending}>
          Change<span className="visually-hidden"> video</span>
        </Button>
      </div>
      <VideoDetailsFields {...form.fieldsProps} />
      <FormAlert message={form.formError} />
      <Button type="submit" isWide isPending={form.isPending}>
        {form.isPending ? 'Posting…' : 'Post'}
      </Button>
    </form>
  );
}
