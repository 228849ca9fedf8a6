// Follow, Following, Requested (a private account has not answered yet) or Follow back. Pressing
// it again unfollows or withdraws the request. Signed out, it leads to log in and back.
import { useState } from 'react';
import { useLocation } from 'react-router';
import { describeProblem } from '../../api/problems';
import { useSession } from '../../api/useSession';
import { Button, ButtonLink } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import { follow, unfollow, type FollowStatus } from './profile.api';

export function FollowButton({
  handle,
  status,
  isFollowedBy,
  onChange,
  className,
}: {
  handle: string;
  status: FollowStatus;
  isFollowedBy: boolean;
  onChange: (status: FollowStatus) => void;
  className?: string;
}) {
  const session = useSession();
  const location = useLocation();
  const showToast = useToast();
  const [isPending, setIsPending] = useState(false);

  if (session.status !== 'signed-in') {
    const next = encodeURIComponent(location.pathname);
    return (
      <ButtonLink to={`/login?next=${next}`} className={className}>
        Follow
      </ButtonLink>
    );
  }

  const toggle = async () => {
    setIsPending(true);
    try {
      if (status === 'none') {
        const next = await follow(handle);
        onChange(next);
        if (next === 'requested') showToast(`Follow request sent to @${handle}`);
      } else {
        await unfollow(handle);
        onChange('none');
      }
    } catch (error) {
      showToast(describeProblem(error));
    } finally {
      setIsPending(false);
    }
  };

  const label =
    status === 'following'
      ? 'Following'
      : status === 'requested'
        ? 'Requested'
        : isFollowedBy
          ? 'Follow back'
          : 'Follow';
  return (
    <Button
      variant={status === 'none' ? 'primary' : 'secondary'}
      isPending={isPending}
      onClick={() => void toggle()}
      className={className}
    >
      {label}
    </Button>
  );
}
