// The creator's own controls on the watch page: "Edit" opens a sheet to change the caption, who
// can watch and comments, or to delete the video (asked twice).
import { useState } from 'react';
import { useRevalidator } from 'react-router';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { useToast } from '../../ui/Toast';
import { useVideoDetailsForm, VideoDetailsFields } from '../upload/VideoDetailsFields';
import { updateVideo, type Video } from '../upload/videos.api';
import { PlayerIcon } from './PlayerIcon';
import { useDeleteVideo } from './useDeleteVideo';
import styles from './WatchPage.module.css';

export function OwnerTools({ video }: { video: Video }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button type="button" className={styles.railButton} onClick={() => setIsOpen(true)}>
        <span className={styles.railIcon}>
          <PlayerIcon name="edit" size={22} />
        </span>
        Edit<span className="visually-hidden"> video</span>
      </button>
      <Dialog isOpen={isOpen} onClose={() => setIsOpen(false)} title="Edit video">
        <EditVideoForm video={video} onDone={() => setIsOpen(false)} />
      </Dialog>
    </>
  );
}

function EditVideoForm({ video, onDone }: { video: Video; onDone: () => void }) {
  const revalidator = useRevalidator();
  const showToast = useToast();
  const form = useVideoDetailsForm({
    caption: video.caption,
    visibility: video.visibility,
    commentsEnabled: video.commentsEnabled,
  });
  const { deleteNow, isDeleting, deleteError } = useDeleteVideo(video);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);

  if (isConfirmingDelete) {
    return (
      <div className={styles.sheet}>
        <p>
          <strong>Delete this video?</strong> It disappears for everyone, with its likes and
          comments. This cannot be undone.
        </p>
        <FormAlert message={deleteError} />
        <div className={styles.sheetButtons}>
          <Button variant="secondary" onClick={() => setIsConfirmingDelete(false)}>
            Keep it
          </Button>
          <Button variant="danger" isPending={isDeleting} onClick={() => void deleteNow()}>
            Delete
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      className={styles.sheet}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit(async (details) => {
          await updateVideo(video.id, details);
          await revalidator.revalidate();
          showToast('Video updated');
          onDone();
        });
      }}
      noValidate
    >
      <VideoDetailsFields {...form.fieldsProps} />
      <FormAlert message={form.formError} />
      <div className={styles.sheetButtons}>
        <Button variant="danger" onClick={() => setIsConfirmingDelete(true)}>
          Delete video
        </Button>
        <Button type="submit" isPending={form.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}
