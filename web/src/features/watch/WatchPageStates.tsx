// What the watch page says instead of playing: a video still processing (its creator sees the
// progress live), failed, never uploaded; or no video this viewer may watch.
import { useEffect, useState } from 'react';
import { useRevalidator } from 'react-router';
import { useSession } from '../../api/useSession';
import { Button, ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { followProcessing } from '../upload/processingProgress';
import { ProgressBar } from '../upload/ProgressBar';
import type { Video } from '../upload/videos.api';
import { useDeleteVideo } from './useDeleteVideo';
import styles from './WatchPage.module.css';

export function VideoNotPlayable({ video }: { video: Video }) {
  switch (video.state) {
    case 'processing':
      return <StillProcessing video={video} />;
    case 'failed':
      return <Failed video={video} />;
    case 'uploading':
      return <NotUploaded />;
    case 'ready':
      // Ready always has a playlist; should that ever break, say so plainly.
      return <Unavailable videoId={video.id} />;
  }
}

function StillProcessing({ video }: { video: Video }) {
  const revalidator = useRevalidator();
  const [percent, setPercent] = useState(video.processingPercent);

  // Only the creator sees a video before it can play, and only the creator may follow it.
  useEffect(
    () =>
      followProcessing(video.id, (update) => {
        setPercent(update.percent);
        // Playable (or finished either way): load the video again, which shows the player.
        if (update.isPlayable || update.state === 'ready' || update.state === 'failed')
          void revalidator.revalidate();
      }),
    // Once per video: the revalidator changes identity while it works.
    [video.id],
  );

  return (
    <>
      <PageHeader title="Processing" />
      <EmptyState icon="video" title="Your video is still processing">
        <div className={styles.stateBody}>
          <ProgressBar label="Processing progress" percent={percent} />
          <p>It plays here as soon as the first version is ready, usually within seconds.</p>
        </div>
      </EmptyState>
    </>
  );
}

function Failed({ video }: { video: Video }) {
  const { deleteNow, isDeleting, deleteError } = useDeleteVideo(video);
  return (
    <>
      <PageHeader title="Video" />
      <EmptyState
        icon="alert"
        title="This video couldn’t be processed"
        action={
          <>
            <ButtonLink to="/upload">Upload again</ButtonLink>
            <Button variant="secondary" isPending={isDeleting} onClick={() => void deleteNow()}>
              Delete it
            </Button>
          </>
        }
      >
        {video.failure?.reason ?? 'The file could not be converted.'}
      </EmptyState>
      <div className={styles.stateAlert}>
        <FormAlert message={deleteError} />
      </div>
    </>
  );
}

function NotUploaded() {
  return (
    <>
      <PageHeader title="Video" />
      <EmptyState
        icon="video"
        title="This video was never uploaded"
        action={<ButtonLink to="/upload">Go to Upload</ButtonLink>}
      >
        Its file did not finish uploading. Choose the same file on the upload page to go on where it
        stopped.
      </EmptyState>
    </>
  );
}

export function Unavailable({ videoId }: { videoId: string }) {
  const { status } = useSession();
  const next = encodeURIComponent(`/v/${videoId}`);
  return (
    <>
      <PageHeader title="Video" />
      <EmptyState
        icon="video"
        title="This video isn’t available"
        action={
          status === 'signed-out' ? (
            <>
              <ButtonLink to={`/login?next=${next}`}>Log in</ButtonLink>
              <ButtonLink to="/" variant="secondary">
                Go home
              </ButtonLink>
            </>
          ) : (
            <ButtonLink to="/">Go home</ButtonLink>
          )
        }
      >
        {status === 'signed-out'
          ? 'It may have been deleted, or its creator shares it only with some people. If you follow them, log in to watch.'
          : 'It may have been deleted, or its creator shares it only with some people.'}
      </EmptyState>
    </>
  );
}

export function NotAllowed({ reason }: { reason: string }) {
  return (
    <>
      <PageHeader title="Video" />
      <EmptyState
        icon="alert"
        title="You can’t watch this video"
        action={<ButtonLink to="/">Go home</ButtonLink>}
      >
        {reason}
      </EmptyState>
    </>
  );
}
