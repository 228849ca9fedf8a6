// The "…" of someone else's profile: mute or unmute, block, and report the account. Blocking asks
// first, because it ends follows both ways.
import { useState } from 'react';
import { describeProblem } from '../../api/problems';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { useToast } from '../../ui/Toast';
import { setBlocked, setMuted } from './profile.api';
import styles from './ProfileMenu.module.css';
import { ReportDialog } from './ReportDialog';

type Open = 'none' | 'menu' | 'confirm-block' | 'report';

export function ProfileMenu({
  account,
  isMuting,
  onMutedChange,
  onBlocked,
}: {
  account: { id: string; handle: string };
  isMuting: boolean;
  onMutedChange: (isMuting: boolean) => void;
  onBlocked: () => void;
}) {
  const showToast = useToast();
  const [open, setOpen] = useState<Open>('none');
  const [isPending, setIsPending] = useState(false);
  const handle = account.handle;
  // A dialog closing (Escape, ×, or another one opening) only ends its own step: closing the
  // menu to open the confirmation must not cancel the confirmation.
  const closeStep = (step: Open) => () =>
    setOpen((current) => (current === step ? 'none' : current));

  const toggleMute = async () => {
    setIsPending(true);
    try {
      await setMuted(handle, !isMuting);
      onMutedChange(!isMuting);
      showToast(isMuting ? `@${handle} unmuted` : `@${handle} muted`);
      setOpen('none');
    } catch (error) {
      showToast(describeProblem(error));
    } finally {
      setIsPending(false);
    }
  };

  const block = async () => {
    setIsPending(true);
    try {
      await setBlocked(handle, true);
      setOpen('none');
      showToast(`@${handle} blocked`);
      onBlocked();
    } catch (error) {
      showToast(describeProblem(error));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={styles.moreButton}
        aria-haspopup="dialog"
        onClick={() => setOpen('menu')}
      >
        <Icon name="more" />
        <span className="visually-hidden">More options for @{handle}</span>
      </button>
      <Dialog isOpen={open === 'menu'} onClose={closeStep('menu')} title={`@${handle}`}>
        <ul className={styles.actions}>
          <li>
            <button
              type="button"
              className={styles.action}
              disabled={isPending}
              onClick={() => void toggleMute()}
            >
              <Icon name={isMuting ? 'check' : 'block'} />
              <span>
                {isMuting ? 'Unmute' : 'Mute'}
                <span className={styles.actionHint}>
                  {isMuting
                    ? 'Their videos and activity come back to your feeds.'
                    : 'Hide their videos and activity from your feeds and notifications. They aren’t told.'}
                </span>
              </span>
            </button>
          </li>
          <li>
            <button
              type="button"
              className={styles.action}
              onClick={() => setOpen('confirm-block')}
            >
              <Icon name="block" />
              <span>
                Block
                <span className={styles.actionHint}>
                  You won’t see each other anywhere on Shortwave.
                </span>
              </span>
            </button>
          </li>
          <li>
            <button type="button" className={styles.action} onClick={() => setOpen('report')}>
              <Icon name="flag" />
              <span>
                Report
                <span className={styles.actionHint}>Tell the moderators about this account.</span>
              </span>
            </button>
          </li>
        </ul>
      </Dialog>
      <Dialog
        isOpen={open === 'confirm-block'}
        onClose={closeStep('confirm-block')}
        title={`Block @${handle}?`}
      >
        <p className={styles.hint}>
          You won’t see each other’s profiles, videos or comments, and neither of you will follow
          the other any more. You can unblock them later in Settings.
        </p>
        <div className={styles.confirmButtons}>
          <Button variant="secondary" onClick={() => setOpen('none')}>
            Cancel
          </Button>
          <Button variant="danger" isPending={isPending} onClick={() => void block()}>
            Block
          </Button>
        </div>
      </Dialog>
      <ReportDialog
        isOpen={open === 'report'}
        onClose={closeStep('report')}
        subject={{ kind: 'account', id: account.id }}
        title={`Report @${handle}`}
      />
    </>
  );
}
