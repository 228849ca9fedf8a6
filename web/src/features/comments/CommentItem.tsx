// One comment: who wrote it (and whether they are the creator), pinned or not, the text with its
// links, when, its likes, Reply and Delete; a top-level comment also opens its replies.
import { Link } from 'react-router';
import { Avatar } from '../../ui/Avatar';
import { joinClassNames } from '../../ui/classNames';
import { Icon } from '../../ui/Icon';
import { RelativeTime } from '../../ui/RelativeTime';
import { formatCount } from '../feed/formatCount';
import { RichText } from '../feed/RichText';
import type { Comment } from './comments.api';
import styles from './CommentsSheet.module.css';

export function CommentItem({
  comment,
  canDelete,
  canReply,
  onLike,
  onReply,
  onDelete,
  children,
}: {
  comment: Comment;
  canDelete: boolean;
  canReply: boolean;
  onLike: () => void;
  onReply: () => void;
  onDelete: () => void;
  children?: React.ReactNode;
}) {
  const { author } = comment;
  const name = author.displayName || `@${author.handle}`;
  return (
    <li className={styles.comment} aria-label={`Comment by @${author.handle}`}>
      <Link to={`/@${author.handle}`} className={styles.commentAvatar} tabIndex={-1} aria-hidden>
        <Avatar src={author.avatarUrl} name={name} size={comment.parentId ? 28 : 36} />
      </Link>
      <div className={styles.commentMain}>
        <p className={styles.commentMeta}>
          <Link to={`/@${author.handle}`} className={styles.author}>
            {name}
          </Link>
          {comment.isByCreator && <span className={styles.badge}>Creator</span>}
          {comment.isPinned && (
            <span className={styles.pinned}>
              <Icon name="pin" size={14} /> Pinned
            </span>
          )}
        </p>
        <p className={styles.commentBody}>
          <RichText text={comment.body} linkClassName={styles.link} />
        </p>
        <p className={styles.commentActions}>
          <RelativeTime at={comment.createdAt} />
          {canReply && (
            <button type="button" className={styles.textButton} onClick={onReply}>
              Reply<span className="visually-hidden"> to @{author.handle}</span>
            </button>
          )}
          {canDelete && (
            <button type="button" className={styles.textButton} onClick={onDelete}>
              Delete<span className="visually-hidden"> comment by @{author.handle}</span>
            </button>
          )}
        </p>
        {children}
      </div>
      <button
        type="button"
        className={joinClassNames(styles.likeButton, comment.isLikedByViewer && styles.liked)}
        aria-pressed={comment.isLikedByViewer}
        onClick={onLike}
      >
        <Icon name="heart" size={18} />
        <span className="visually-hidden">Like comment by @{author.handle} </span>
        <span className={styles.likeCount}>{formatCount(comment.likeCount)}</span>
      </button>
    </li>
  );
}
