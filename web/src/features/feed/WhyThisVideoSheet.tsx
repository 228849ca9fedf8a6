// "Why this video?": the reasons For You gave for picking it, and the viewer's say over it —
// not interested (this creator's videos stop coming), or hide the creator from For You. Both
// are learnt before the sheet closes, so the very next page obeys.
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '@shortwave/api-client';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useToast } from '../../ui/Toast';
import type { FeedReason } from './feed.api';
import { sendViewingEventNow } from './viewingEvents';
import styles from './WhyThisVideoSheet.module.css';

export type Dismissal = 'not-interested' | 'hide-creator';

export function WhyThisVideoSheet({
  video,
  reasons,
  onClose,
  onDismissed,
}: {
  video: Schemas['ListedVideo'];
  reasons: FeedReason[];
  onClose: () => void;
  /** The viewer said no: the feed takes this creator's coming videos away. */
  onDismissed: (video: Schemas['ListedVideo'], dismissal: Dismissal) => void;
}) {
  const showToast = useToast();
  const [pending, setPending] = useState<Dismissal | null>(null);
  const handle = video.creator.handle;

  const dismiss = async (dismissal: Dismissal) => {
    setPending(dismissal);
    try {
      await sendViewingEventNow(dismissal, video.id);
      showToast(
        dismissal === 'hide-creator'
          ? `You won’t see @${handle} in For You.`
          : 'Got it: you’ll see fewer videos like this.',
      );
      onDismissed(video, dismissal);
      onClose();
    } catch {
      showToast('That didn’t reach the server. Try again.');
      setPending(null);
    }
  };

  return (
    <Dialog isOpen onClose={onClose} title="Why this video?">
      {reasons.length > 0 ? (
        <ul className={styles.reasons} aria-label="Reasons">
          {reasons.map((reason) => (
            <li key={`${reason.kind}:${reason.text}`} className={styles.reason}>
              {reason.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.note}>
          This feed isn’t personalised: it lists videos by when they were posted or how they trend.
        </p>
      )}
      <div className={styles.actions}>
        <Button
          variant="secondary"
          isPending={pending === 'not-interested'}
          disabled={pending !== null}
          onClick={() => void dismiss('not-interested')}
        >
          Not interested
        </Button>
        <Button
          variant="secondary"
          isPending={pending === 'hide-creator'}
          disabled={pending !== null}
          onClick={() => void dismiss('hide-creator')}
        >
          Hide videos from @{handle}
        </Button>
      </div>
      <p className={styles.note}>
        You can see what you watched, undo hidden creators or start For You afresh in{' '}
        <Link to="/settings#for-you">Settings</Link>.
      </p>
    </Dialog>
  );
}
