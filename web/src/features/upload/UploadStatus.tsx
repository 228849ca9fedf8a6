// Steps two and three of an upload, as the upload store reports them: the bytes going up (with
// the connection's trouble, if any), then processing on the server, then ready or failed.
import { useId, type ReactNode } from 'react';
import { Button, ButtonLink } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/Spinner';
import { formatBytes, percentOf } from './formatBytes';
import { ProgressBar } from './ProgressBar';
import styles from './UploadPage.module.css';
import { cancelUpload, resumeUpload, startOver, type UploadState } from './uploadStore';
import type { Visibility } from './videos.api';
import { VideoThumbnail } from './VideoThumbnail';

type Active = Exclude<UploadState, { phase: 'idle' }>;

const AUDIENCE_SENTENCE: Record<Visibility, string> = {
  public: 'Everyone can watch it.',
  followers: 'Your followers can watch it.',
  private: 'Only you can watch it.',
};

export function UploadStatus({ upload }: { upload: Active }) {
  switch (upload.phase) {
    case 'uploading':
    case 'paused':
      return <Sending upload={upload} />;
    case 'processing':
      return <Processing upload={upload} />;
    case 'ready':
      return <Ready upload={upload} />;
    case 'failed':
      return <Failed upload={upload} />;
  }
}

function StatusCard({
  title,
  thumbnail,
  subtitle,
  children,
}: {
  title: ReactNode;
  thumbnail: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={styles.status} aria-labelledby={headingId}>
      <div className={styles.statusTop}>
        {thumbnail}
        <div className={styles.statusHeading}>
          <h2 id={headingId} className={styles.statusTitle}>
            {title}
          </h2>
          {subtitle && <p className={styles.statusSubtitle}>{subtitle}</p>}
        </div>
      </div>
      {children}
    </section>
  );
}

function Sending({ upload }: { upload: Extract<Active, { phase: 'uploading' | 'paused' }> }) {
  const percent = percentOf(upload.bytesSent, upload.bytesTotal);
  const bytes = `${formatBytes(upload.bytesSent)} of ${formatBytes(upload.bytesTotal)}`;
  const isPaused = upload.phase === 'paused';
  return (
    <StatusCard
      title={isPaused ? 'Upload paused' : 'Uploading your video'}
      thumbnail={<VideoThumbnail file={upload.file} />}
      subtitle={upload.file.name}
    >
      <ProgressBar label="Upload progress" percent={percent} detail={bytes} />
      <div role="status" className={styles.note}>
        {upload.phase === 'uploading' && upload.connection === 'retrying' && (
          <>
            <Spinner size={16} /> Connection lost. Trying again…
          </>
        )}
        {upload.phase === 'uploading' && upload.connection === 'offline' && (
          <>
            <Spinner size={16} /> You’re offline. The upload goes on when you’re back online.
          </>
        )}
      </div>
      {isPaused && (
        <FormAlert message={`${upload.failure.title}. ${upload.failure.detail}`.trim()} />
      )}
      <div className={styles.actions}>
        {isPaused && upload.failure.canResume && (
          <Button onClick={resumeUpload} isWide>
            Try again
          </Button>
        )}
        {isPaused && !upload.failure.canResume ? (
          <Button onClick={startOver} isWide>
            Choose another video
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => void cancelUpload()} isWide>
            Cancel upload
          </Button>
        )}
      </div>
    </StatusCard>
  );
}

function Processing({ upload }: { upload: Extract<Active, { phase: 'processing' }> }) {
  return (
    <StatusCard
      title={
        <span className={styles.withSpinner}>
          <Spinner size={18} /> Processing your video
        </span>
      }
      thumbnail={<VideoThumbnail file={upload.file} />}
      subtitle="Uploaded. Now making it play smoothly on every screen."
    >
      <ProgressBar label="Processing progress" percent={upload.percent} />
      <p className={styles.note}>
        This usually takes under a minute. You can leave this page; processing goes on.
      </p>
      {upload.isPlayable && (
        <div className={styles.actions}>
          <ButtonLink to={`/v/${upload.videoId}`} variant="secondary" isWide>
            Watch now
          </ButtonLink>
        </div>
      )}
    </StatusCard>
  );
}

function Ready({ upload }: { upload: Extract<Active, { phase: 'ready' }> }) {
  const visibility = upload.video?.visibility;
  return (
    <StatusCard
      title={
        <span className={styles.withIcon}>
          <Icon name="check" size={20} /> Your video is ready
        </span>
      }
      thumbnail={<VideoThumbnail posterUrl={upload.video?.posterUrl ?? null} />}
      subtitle={visibility ? AUDIENCE_SENTENCE[visibility] : undefined}
    >
      <div className={styles.actions}>
        <ButtonLink to={`/v/${upload.videoId}`} isWide>
          Watch video
        </ButtonLink>
        <Button variant="secondary" onClick={startOver} isWide>
          Upload another
        </Button>
      </div>
    </StatusCard>
  );
}

function Failed({ upload }: { upload: Extract<Active, { phase: 'failed' }> }) {
  return (
    <StatusCard
      title="This video couldn’t be processed"
      thumbnail={
        <span className={styles.failedIcon} aria-hidden="true">
          <Icon name="alert" size={28} />
        </span>
      }
    >
      <FormAlert message={upload.reason} />
      <div className={styles.actions}>
        <Button onClick={startOver} isWide>
          Try another video
        </Button>
      </div>
    </StatusCard>
  );
}
