// /@handle/followers and /@handle/following: who follows an account and whom it follows, newest
// first. A private account shows them to its approved followers only.
import { useNavigate, useParams } from 'react-router';
import { useCursorPages } from '../../api/useCursorPages';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ListProblem } from '../../ui/ListProblem';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { PageHeader } from '../../ui/PageHeader';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { Tabs } from '../../ui/Tabs';
import { AccountRow } from './AccountRow';
import { listFollowers, listFollowing } from './profile.api';
import { readProfileHandle } from './profile.loader';
import styles from './ProfilePage.module.css';

type Which = 'followers' | 'following';

export function FollowersPage() {
  return <FollowListPage which="followers" />;
}

export function FollowingPage() {
  return <FollowListPage which="following" />;
}

function FollowListPage({ which }: { which: Which }) {
  const params = useParams();
  const navigate = useNavigate();
  const handle = readProfileHandle(params.profilePath);
  return (
    <>
      <PageHeader
        title={`@${handle}`}
        documentTitle={`${which === 'followers' ? 'Followers of' : 'Followed by'} @${handle}`}
      />
      <Tabs
        label={`People connected to @${handle}`}
        options={[
          { value: 'following', label: 'Following' },
          { value: 'followers', label: 'Followers' },
        ]}
        selected={which}
        onSelect={(next) => void navigate(`/@${handle}/${next}`, { replace: true })}
      >
        <FollowList key={`${which}:${handle}`} handle={handle} which={which} />
      </Tabs>
    </>
  );
}

function FollowList({ handle, which }: { handle: string; which: Which }) {
  const pages = useCursorPages(`${which}:${handle}`, (cursor) =>
    which === 'followers' ? listFollowers(handle, cursor) : listFollowing(handle, cursor),
  );
  if (pages.status === 'loading') return <LoadingMessage />;
  if (pages.status === 'failed')
    return <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />;
  if (pages.items.length === 0) {
    return (
      <EmptyState
        icon="person"
        title={which === 'followers' ? 'No followers yet' : 'Not following anyone yet'}
        action={
          <ButtonLink to={`/@${handle}`} variant="secondary">
            Back to @{handle}
          </ButtonLink>
        }
      >
        {which === 'followers'
          ? `People who follow @${handle} will be listed here.`
          : `Accounts @${handle} follows will be listed here.`}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className={styles.accountList}>
        {pages.items.map((account) => (
          <AccountRow key={account.id} account={account} />
        ))}
      </ul>
      <PagedListFooter
        hasMore={pages.hasMore}
        isLoadingMore={pages.isLoadingMore}
        error={pages.error}
        onLoadMore={pages.loadMore}
      />
    </>
  );
}
