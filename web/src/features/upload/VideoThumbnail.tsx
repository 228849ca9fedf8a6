// A small portrait preview of the video: its poster once there is one, before that the chosen
// file read locally (nothing is sent for it). A file the browser cannot decode (HEVC on some
// systems) shows the video icon instead.
import { useState, type ReactNode } from 'react';
import { Icon } from '../../ui/Icon';
import styles from './UploadPage.module.css';

let preview: { file: File; url: string } | null = null;

/**
 * One object URL for the file being uploaded, shared by every preview of it (the form's, the
 * progress card's) and kept until another file is chosen: a media element may still be reading
 * it after its preview is gone, and a revoked URL would only make it fail.
 */
function previewUrlOf(file: File): string {
  if (preview?.file !== file) {
    if (preview) URL.revokeObjectURL(preview.url);
    preview = { file, url: URL.createObjectURL(file) };
  }
  return preview.url;
}

export function VideoThumbnail({ file, posterUrl }: { file?: File; posterUrl?: string | null }) {
  const [canPreview, setCanPreview] = useState(true);

  let media: ReactNode = <Icon name="video" size={28} />;
  if (posterUrl) {
    media = <img src={posterUrl} alt="" className={styles.thumbnailMedia} />;
  } else if (file && canPreview && file.type.startsWith('image/')) {
    media = <img src={previewUrlOf(file)} alt="" className={styles.thumbnailMedia} />;
  } else if (file && canPreview) {
    media = (
      // #t=0.1: a frame from the video, not the black first one some phones record.
      <video
        src={`${previewUrlOf(file)}#t=0.1`}
        className={styles.thumbnailMedia}
        muted
        playsInline
        preload="metadata"
        onError={() => setCanPreview(false)}
      />
    );
  }
  return (
    <span className={styles.thumbnail} aria-hidden="true">
      {media}
    </span>
  );
}
