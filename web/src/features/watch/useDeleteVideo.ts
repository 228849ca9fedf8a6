// Deleting your video from its watch page: afterwards you land on your profile, where it is gone.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeProblem } from '../../api/problems';
import { useToast } from '../../ui/Toast';
import { deleteVideo, type Video } from '../upload/videos.api';

export function useDeleteVideo(video: Video) {
  const navigate = useNavigate();
  const showToast = useToast();
  const [isDeleting, setIsDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const deleteNow = async () => {
    setIsDeleting(true);
    setDeleteError(null);
    try {
      await deleteVideo(video.id);
      showToast('Video deleted');
      await navigate(`/@${video.creator.handle}`, { replace: true });
    } catch (error) {
      setDeleteError(describeProblem(error));
      setIsDeleting(false);
    }
  };

  return { deleteNow, isDeleting, deleteError };
}
