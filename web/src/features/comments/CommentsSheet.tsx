// The comments of a video in a bottom sheet over the feed (a modal <dialog>: the browser traps
// focus, Escape closes it, focus returns to the Comments button). Newest or top first, one level
// of replies, likes, the pinned one on top, and a box to write.
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Schemas } from '@shortwave/api-client';
import { describeProblem } from '../../api/problems';
import { useSession } from '../../api/useSession';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { useToast } from '../../ui/Toast';
import { formatCount } from '../feed/formatCount';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import {
  deleteComment,
  postComment,
  setCommentLiked,
  type Comment,
  type CommentOrder,
} from './comments.api';
import { useComments } from './useComments';
import styles from './CommentsSheet.module.css';

export function CommentsSheet({
  video,
  commentCount,
  onCommentCountChange,
  onClose,
}: {
  video: Pick<Schemas['ListedVideo'], 'id' | 'creator' | 'commentsEnabled'>;
  commentCount: number;
  onCommentCountChange: (count: number) => void;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const session = useSession();
  const location = useLocation();
  const showToast = useToast();
  const [order, setOrder] = useState<CommentOrder>('newest');
  const [replyingTo, setReplyingTo] = useState<Comment | null>(null);
  const list = useComments(video.id, order);
  const viewerId = session.account?.id ?? null;
  const isCreator = viewerId === video.creator.id;

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    // Leaving the page removes the dialog from the top layer; calling close() here instead would
    // fire a late "close" event at a sheet React has just shown again (Strict Mode, Suspense).
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected)
        opener.focus({ preventScroll: true });
    };
  }, []);

  const like = async (comment: Comment) => {
    if (!viewerId) {
      showToast('Log in to like comments.');
      return;
    }
    const isLiked = !comment.isLikedByViewer;
    list.upsert({
      ...comment,
      isLikedByViewer: isLiked,
      likeCount: comment.likeCount + (isLiked ? 1 : -1),
    });
    try {
      const result = await setCommentLiked(comment.id, isLiked);
      list.upsert({ ...comment, isLikedByViewer: result.isLiked, likeCount: result.likeCount });
    } catch (error) {
      list.upsert(comment);
      showToast(describeProblem(error));
    }
  };

  const remove = async (comment: Comment) => {
    try {
      await deleteComment(comment.id);
      list.remove(comment);
      if (replyingTo?.id === comment.id || replyingTo?.parentId === comment.id) setReplyingTo(null);
      onCommentCountChange(
        Math.max(0, commentCount - 1 - (comment.parentId ? 0 : comment.replyCount)),
      );
      showToast('Comment deleted.');
    } catch (error) {
      showToast(describeProblem(error));
    }
  };

  const send = async (body: string) => {
    const parentId = replyingTo ? (replyingTo.parentId ?? replyingTo.id) : null;
    const comment = await postComment(video.id, body, parentId);
    list.upsert(comment);
    if (comment.parentId) list.changeReplyCount(comment.parentId, 1);
    setReplyingTo(null);
    onCommentCountChange(commentCount + 1);
  };

  const renderComment = (comment: Comment, isReply: boolean) => {
    const thread = list.threads[comment.id];
    return (
      <CommentItem
        key={comment.id}
        comment={comment}
        canDelete={viewerId !== null && (comment.author.id === viewerId || isCreator)}
        canReply={viewerId !== null && video.commentsEnabled}
        onLike={() => void like(comment)}
        onReply={() => setReplyingTo(comment)}
        onDelete={() => void remove(comment)}
      >
        {!isReply && comment.replyCount > 0 && (
          <div className={styles.replies}>
            {thread?.isOpen && (
              <ul aria-label={`Replies to @${comment.author.handle}`}>
                {thread.items.map((reply) => renderComment(reply, true))}
              </ul>
            )}
            {thread?.isOpen && thread.nextCursor && (
              <button
                type="button"
                className={styles.textButton}
                onClick={() => void list.openReplies(comment.id, thread.nextCursor)}
              >
                More replies
              </button>
            )}
            <button
              type="button"
              className={styles.textButton}
              aria-expanded={thread?.isOpen ?? false}
              onClick={() =>
                thread?.isOpen
                  ? list.closeReplies(comment.id)
                  : void list
                      .openReplies(comment.id)
                      .catch((error: unknown) => showToast(describeProblem(error)))
              }
            >
              {thread?.isOpen
                ? 'Hide replies'
                : comment.replyCount === 1
                  ? 'View 1 reply'
                  : `View ${formatCount(comment.replyCount)} replies`}
            </button>
          </div>
        )}
      </CommentItem>
    );
  };

  return (
    <dialog
      ref={dialogRef}
      className={styles.sheet}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        // A tap on the dimmed backdrop (the dialog box itself, outside the panel) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className={styles.panel}>
        <header className={styles.header}>
          <h2 id={titleId} className={styles.title}>
            {commentCount === 1 ? '1 comment' : `${formatCount(commentCount)} comments`}
          </h2>
          <div className={styles.orders} role="group" aria-label="Order">
            {(['newest', 'top'] as const).map((value) => (
              <button
                key={value}
                type="button"
                className={styles.order}
                aria-pressed={order === value}
                onClick={() => setOrder(value)}
              >
                {value === 'newest' ? 'Newest' : 'Top'}
              </button>
            ))}
          </div>
          <button type="button" className={styles.iconButton} onClick={onClose}>
            <Icon name="close" />
            <span className="visually-hidden">Close comments</span>
          </button>
        </header>
        <div className={styles.body}>
          {list.status === 'loading' && <LoadingMessage text="Loading comments…" />}
          {list.status === 'error' && (
            <div className={styles.message}>
              <p>Comments could not be loaded.</p>
              <Button variant="secondary" isSmall onClick={list.retry}>
                Try again
              </Button>
            </div>
          )}
          {list.status === 'ready' && list.comments.length === 0 && (
            <p className={styles.message}>
              {video.commentsEnabled ? 'No comments yet. Start the conversation.' : ''}
            </p>
          )}
          {list.comments.length > 0 && (
            <ul className={styles.list} aria-label="Comments">
              {list.comments.map((comment) => renderComment(comment, false))}
            </ul>
          )}
          {list.hasMore && (
            <Button
              variant="ghost"
              isSmall
              className={styles.loadMore}
              onClick={() =>
                void list.loadMore().catch((error: unknown) => showToast(describeProblem(error)))
              }
            >
              More comments
            </Button>
          )}
        </div>
        <footer className={styles.footer}>
          {!video.commentsEnabled ? (
            <p className={styles.message}>Comments are turned off for this video.</p>
          ) : viewerId ? (
            <CommentComposer
              replyingTo={replyingTo}
              onCancelReply={() => setReplyingTo(null)}
              onSend={send}
            />
          ) : (
            <p className={styles.message}>
              <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>Log in</Link> to
              comment.
            </p>
          )}
        </footer>
      </div>
    </dialog>
  );
}
