// The accounts you blocked and muted, each with a way to take it back. Blocked accounts cannot be
// reached from their profile (you no longer see each other), so this is where unblocking lives.
import { unwrap } from '@shortwave/api-client';
import { useState } from 'react';
import { api } from '../../api/client';
import { describeProblem } from '../../api/problems';
import { useCursorPages } from '../../api/useCursorPages';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { useToast } from '../../ui/Toast';
import { PagedListStatus } from './PagedListStatus';
import { SettingsSection } from './SettingsSection';
import styles from './SettingsPage.module.css';

type Kind = 'block' | 'mute';

const listOf = (kind: Kind) => (cursor: string | undefined) => {
  const query = { limit: 50, ...(cursor ? { cursor } : {}) };
  return unwrap(
    kind === 'block'
      ? api.GET('/api/v1/me/blocks', { params: { query } })
      : api.GET('/api/v1/me/mutes', { params: { query } }),
  );
};

export function BlockedAccountsSection() {
  return (
    <>
      <div id="blocked-accounts">
        <AccountsSection
          kind="block"
          title="Blocked accounts"
          description="You and they can’t see each other’s profiles, videos or comments."
        />
      </div>
      <AccountsSection
        kind="mute"
        title="Muted accounts"
        description="Their videos and activity stay out of your feeds and notifications."
      />
    </>
  );
}

function AccountsSection({
  kind,
  title,
  description,
}: {
  kind: Kind;
  title: string;
  description: string;
}) {
  const pages = useCursorPages(kind, listOf(kind));
  return (
    <SettingsSection title={title} description={description}>
      <PagedListStatus
        pages={pages}
        empty={kind === 'block' ? 'You haven’t blocked anyone.' : 'You haven’t muted anyone.'}
      />
      {pages.items.length > 0 && (
        <ul className={styles.list}>
          {pages.items.map((account) => (
            <li key={account.id} className={styles.row}>
              <Avatar src={account.avatarUrl} name={account.displayName} size={40} />
              <div className={styles.rowText}>
                <p className={styles.rowTitle}>{account.displayName}</p>
                <p className={styles.rowMeta}>@{account.handle}</p>
              </div>
              <UndoButton
                kind={kind}
                handle={account.handle}
                onDone={() =>
                  pages.update((items) => items.filter((item) => item.id !== account.id))
                }
              />
            </li>
          ))}
        </ul>
      )}
      <PagedListFooter
        hasMore={pages.hasMore}
        isLoadingMore={pages.isLoadingMore}
        error={pages.status === 'ready' ? pages.error : null}
        onLoadMore={pages.loadMore}
      />
    </SettingsSection>
  );
}

function UndoButton({ kind, handle, onDone }: { kind: Kind; handle: string; onDone: () => void }) {
  const showToast = useToast();
  const [isPending, setIsPending] = useState(false);
  const verb = kind === 'block' ? 'Unblock' : 'Unmute';
  const undo = async () => {
    setIsPending(true);
    try {
      const path = { params: { path: { handle } } };
      await unwrap(
        kind === 'block'
          ? api.DELETE('/api/v1/accounts/{handle}/block', path)
          : api.DELETE('/api/v1/accounts/{handle}/mute', path),
      );
      showToast(`@${handle} ${kind === 'block' ? 'unblocked' : 'unmuted'}`);
      onDone();
    } catch (error) {
      showToast(describeProblem(error));
      setIsPending(false);
    }
  };
  return (
    <Button variant="secondary" isSmall isPending={isPending} onClick={() => void undo()}>
      {verb}
      <span className="visually-hidden"> @{handle}</span>
    </Button>
  );
}
