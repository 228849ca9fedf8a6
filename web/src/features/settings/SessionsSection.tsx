// Where you are logged in, this device marked, each with its own "Log out".
import { useState } from 'react';
import { describeProblem } from '../../api/problems';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { RelativeTime } from '../../ui/RelativeTime';
import { Spinner } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { describeDevice } from './describeDevice';
import { endSession, type SessionSummary } from './settings.api';
import { SettingsSection } from './SettingsSection';
import styles from './SettingsPage.module.css';
import type { useSessionsList } from './useSessionsList';

type Props = {
  sessionsList: ReturnType<typeof useSessionsList>;
  onLogOutHere: () => Promise<void>;
};

export function SessionsSection({ sessionsList, onLogOutHere }: Props) {
  const { list } = sessionsList;
  return (
    <SettingsSection
      title="Where you’re logged in"
      description="Log out of any device you don’t recognise, then change your password."
    >
      {list.status === 'loading' && (
        <p className={styles.status}>
          <Spinner /> Loading sessions…
        </p>
      )}
      {list.status === 'failed' && (
        <p className={styles.status}>
          {list.message}{' '}
          <Button variant="ghost" isSmall onClick={sessionsList.reload}>
            Try again
          </Button>
        </p>
      )}
      {list.status === 'ready' && (
        <ul className={styles.list}>
          {list.sessions
            .filter((session) => session.kind === 'cookie')
            .map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                onEnded={() => sessionsList.drop(session.id)}
                onLogOutHere={onLogOutHere}
              />
            ))}
        </ul>
      )}
    </SettingsSection>
  );
}

function SessionRow({
  session,
  onEnded,
  onLogOutHere,
}: {
  session: SessionSummary;
  onEnded: () => void;
  onLogOutHere: () => Promise<void>;
}) {
  const showToast = useToast();
  const [isPending, setIsPending] = useState(false);
  const device = describeDevice(session.userAgent);

  const logOut = async () => {
    if (session.isCurrent) return onLogOutHere();
    setIsPending(true);
    try {
      await endSession(session.id);
      onEnded();
      showToast(`Logged out of ${device}`);
    } catch (error) {
      showToast(describeProblem(error));
      setIsPending(false);
    }
  };

  return (
    <li className={styles.row}>
      <span className={styles.rowIcon}>
        <Icon name="device" />
      </span>
      <div className={styles.rowText}>
        <p className={styles.rowTitle}>{device}</p>
        <p className={styles.rowMeta}>
          {session.isCurrent ? (
            <span className={styles.badge}>This device</span>
          ) : (
            <>
              Active <RelativeTime at={session.lastUsedAt} />
            </>
          )}
        </p>
        <p className={styles.rowMeta}>
          Logged in <RelativeTime at={session.createdAt} />
        </p>
      </div>
      <Button variant="secondary" isSmall isPending={isPending} onClick={() => void logOut()}>
        Log out
        <span className="visually-hidden">
          {session.isCurrent ? ' of this device' : ` of ${device}`}
        </span>
      </Button>
    </li>
  );
}
