// The box at the bottom of the comments sheet: write a comment, or a reply once Reply was
// pressed (with a way back). Enter sends; Shift+Enter starts a new line.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeProblem } from '../../api/problems';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import type { Comment } from './comments.api';
import styles from './CommentsSheet.module.css';

export function CommentComposer({
  replyingTo,
  onCancelReply,
  onSend,
}: {
  replyingTo: Comment | null;
  onCancelReply: () => void;
  onSend: (body: string) => Promise<void>;
}) {
  const [body, setBody] = useState('');
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (replyingTo) fieldRef.current?.focus();
  }, [replyingTo]);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = body.trim();
    if (!text || isSending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(text);
      setBody('');
    } catch (problem) {
      setError(describeProblem(problem));
    } finally {
      setSending(false);
    }
  };

  const label = replyingTo ? `Reply to @${replyingTo.author.handle}` : 'Add a comment';
  return (
    <form className={styles.composer} onSubmit={(event) => void send(event)}>
      {replyingTo && (
        <p className={styles.replyingTo}>
          Replying to @{replyingTo.author.handle}
          <button type="button" className={styles.iconButton} onClick={onCancelReply}>
            <Icon name="close" size={16} />
            <span className="visually-hidden">Cancel reply</span>
          </button>
        </p>
      )}
      {error && (
        <p className={styles.composerError} role="alert">
          {error}
        </p>
      )}
      <div className={styles.composerRow}>
        <label className="visually-hidden" htmlFor="comment-body">
          {label}
        </label>
        <textarea
          ref={fieldRef}
          id="comment-body"
          className={styles.field}
          rows={1}
          placeholder={`${label}…`}
          value={body}
          maxLength={2200}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void send();
            }
          }}
        />
        <Button type="submit" isSmall isPending={isSending} disabled={body.trim() === ''}>
          Post
        </Button>
      </div>
    </form>
  );
}
