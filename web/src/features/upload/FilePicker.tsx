// Where a video comes from: a button that opens the file chooser (the camera roll on phones), or
// a file dropped anywhere on the box.
import { useId, useState, type DragEvent } from 'react';
import { joinClassNames } from '../../ui/classNames';
import { Icon } from '../../ui/Icon';
import styles from './UploadPage.module.css';

/** Video files, and animated GIFs (the server turns them into silent looping videos). */
export const ACCEPTED_TYPES = 'video/*,image/gif';

export function isAcceptedFile(file: File): boolean {
  // Some systems give no type for .mkv or .mov; the server's probe is the judge then.
  return file.type === '' || file.type.startsWith('video/') || file.type === 'image/gif';
}

export function FilePicker({ onFileChosen }: { onFileChosen: (file: File) => void }) {
  const inputId = useId();
  const [isDraggedOver, setIsDraggedOver] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDraggedOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFileChosen(file);
  };

  return (
    <div
      className={joinClassNames(styles.dropZone, isDraggedOver && styles.dropZoneActive)}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setIsDraggedOver(true);
      }}
      onDragLeave={() => setIsDraggedOver(false)}
      onDrop={onDrop}
    >
      <span className={styles.dropIcon}>
        <Icon name="video" size={36} />
      </span>
      <h2 className={styles.dropTitle}>Select a video to upload</h2>
      <p className={styles.dropText}>Or drag and drop a file here. Vertical videos look best.</p>
      <span className={styles.fileButton}>
        <input
          id={inputId}
          className={styles.fileInput}
          type="file"
          accept={ACCEPTED_TYPES}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // choosing the same file again still counts
            if (file) onFileChosen(file);
          }}
        />
        <label htmlFor={inputId} className={styles.fileLabel}>
          Select video
        </label>
      </span>
      <p className={styles.dropHint}>MP4, MOV, WebM or GIF</p>
    </div>
  );
}
