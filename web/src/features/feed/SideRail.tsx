// The column of actions on the right of a video: the creator (with "+" to follow), like,
// comments, save and share, each with its count, then "Why this video?".
import { Link } from 'react-router';
import type { Schemas } from '@shortwave/api-client';
import { Avatar } from '../../ui/Avatar';
import { joinClassNames } from '../../ui/classNames';
import { FeedIcon, type FeedIconName } from './FeedIcons';
import { formatCount } from './formatCount';
import styles from './FeedSlide.module.css';

function RailButton({
  icon,
  label,
  count,
  isPressed,
  isActiveColour,
  onClick,
}: {
  icon: FeedIconName;
  label: string;
  count?: number;
  isPressed?: boolean;
  isActiveColour?: 'like' | 'save';
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={joinClassNames(
        styles.railButton,
        isPressed && isActiveColour === 'like' && styles.liked,
        isPressed && isActiveColour === 'save' && styles.saved,
      )}
      aria-pressed={isPressed}
      onClick={onClick}
    >
      <span className={styles.railIcon}>
        <FeedIcon name={icon} />
      </span>
      <span className="visually-hidden">{label} </span>
      {count !== undefined && <span className={styles.railCount}>{formatCount(count)}</span>}
    </button>
  );
}

export function SideRail({
  video,
  stats,
  viewerState,
  followStatus,
  canFollow,
  onFollow,
  onLike,
  onComments,
  onSave,
  onShare,
  onWhy,
}: {
  video: Schemas['ListedVideo'];
  stats: Schemas['VideoStats'];
  viewerState: Schemas['ViewerState'];
  followStatus: Schemas['FollowStatus'] | undefined;
  canFollow: boolean;
  onFollow: () => void;
  onLike: () => void;
  onComments: () => void;
  onSave: () => void;
  onShare: () => void;
  onWhy: () => void;
}) {
  const { creator } = video;
  return (
    <div className={styles.rail}>
      <div className={styles.creator}>
        <Link to={`/@${creator.handle}`} className={styles.creatorLink}>
          <Avatar
            src={creator.avatarUrl}
            name={creator.displayName || creator.handle}
            size={48}
            alt={`@${creator.handle}’s profile`}
          />
        </Link>
        {canFollow && followStatus === 'none' && (
          <button type="button" className={styles.followButton} onClick={onFollow}>
            <FeedIcon name="plus" size={16} />
            <span className="visually-hidden">Follow @{creator.handle}</span>
          </button>
        )}
        {canFollow && followStatus === 'requested' && (
          <span className={styles.followState} title="Follow requested">
            <FeedIcon name="check" size={16} />
            <span className="visually-hidden">Follow requested</span>
          </span>
        )}
      </div>
      <RailButton
        icon="heart"
        label="Like"
        count={stats.likeCount}
        isPressed={viewerState.hasLiked}
        isActiveColour="like"
        onClick={onLike}
      />
      <RailButton
        icon="comment"
        label={video.commentsEnabled ? 'Comments' : 'Comments (turned off)'}
        count={stats.commentCount}
        onClick={onComments}
      />
      <RailButton
        icon="bookmark"
        label="Save"
        count={stats.saveCount}
        isPressed={viewerState.hasSaved}
        isActiveColour="save"
        onClick={onSave}
      />
      <RailButton icon="share" label="Share" count={stats.shareCount} onClick={onShare} />
      <RailButton icon="more" label="Why this video?" onClick={onWhy} />
    </div>
  );
}
