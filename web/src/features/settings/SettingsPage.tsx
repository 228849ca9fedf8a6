// Settings: your profile links, privacy, blocked and muted accounts, your For You (watch history,
// hidden creators, reset), password, where you are logged in, API tokens, log out, and deleting
// the account.
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { forgetSession, logOutOnServer } from '../../api/session';
import { useSession } from '../../api/useSession';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toast';
import { BlockedAccountsSection } from './BlockedAccountsSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { ForYouSection } from './ForYouSection';
import { PrivacySection } from './PrivacySection';
import { SessionsSection } from './SessionsSection';
import { SettingsSection } from './SettingsSection';
import styles from './SettingsPage.module.css';
import { TokensSection } from './TokensSection';
import { useSessionsList } from './useSessionsList';

export function SettingsPage() {
  const { account } = useSession();
  const sessionsList = useSessionsList();
  const logOut = useLogOut();
  const { hash } = useLocation();
  // This page's code arrives after the browser's own jump to #section: jump once it is here.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash]);
  if (!account) return null;
  return (
    <>
      <PageHeader title="Settings" />
      <div className={styles.page}>
        <SettingsSection title="Account">
          <ul className={styles.links}>
            <li>
              <Link to="/profile/edit" className={styles.link}>
                <Icon name="person" />
                Edit profile
              </Link>
            </li>
            <li>
              <Link to={`/@${account.handle}`} className={styles.link}>
                <Icon name="video" />
                View your profile
              </Link>
            </li>
            {account.isAdmin && (
              <li>
                <Link to="/admin/moderation" className={styles.link}>
                  <Icon name="shield" />
                  Moderation queue
                </Link>
              </li>
            )}
          </ul>
        </SettingsSection>
        <PrivacySection />
        <BlockedAccountsSection />
        <ForYouSection />
        <SessionsSection sessionsList={sessionsList} onLogOutHere={logOut.run} />
        <ChangePasswordSection handle={account.handle} onPasswordChanged={sessionsList.reload} />
        <TokensSection sessionsList={sessionsList} />
        <SettingsSection title="Log out" description="End your session on this device.">
          <Button
            variant="secondary"
            isPending={logOut.isPending}
            onClick={() => void logOut.run()}
          >
            <Icon name="logOut" size={20} />
            Log out
          </Button>
        </SettingsSection>
        <DeleteAccountSection handle={account.handle} />
      </div>
    </>
  );
}

/** Logs out; this page, which needs an account, then sends you home. */
function useLogOut() {
  const showToast = useToast();
  const [isPending, setIsPending] = useState(false);
  const run = async () => {
    setIsPending(true);
    await logOutOnServer();
    forgetSession();
    showToast('You’re logged out');
  };
  return { run, isPending };
}
