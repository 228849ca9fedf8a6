// /discover: search with suggestions while typing; results as accounts, hashtags or videos (the
// query and tab live in the address, so Back and sharing work); before searching, trending
// hashtags.
import { useSearchParams } from 'react-router';
import { useCursorPages } from '../../api/useCursorPages';
import { EmptyState } from '../../ui/EmptyState';
import { ListProblem } from '../../ui/ListProblem';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { PageHeader } from '../../ui/PageHeader';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { Tabs } from '../../ui/Tabs';
import { HashtagList } from '../hashtags/HashtagList';
import { AccountRow } from '../profile/AccountRow';
import { PosterGrid } from '../profile/PosterGrid';
import styles from './DiscoverPage.module.css';
import { listTrendingHashtags, searchAccounts, searchHashtags, searchVideos } from './search.api';
import { SearchBox } from './SearchBox';

const TABS = [
  { value: 'accounts', label: 'Accounts' },
  { value: 'hashtags', label: 'Hashtags' },
  { value: 'videos', label: 'Videos' },
] as const;
type Tab = (typeof TABS)[number]['value'];

const readTab = (value: string | null): Tab =>
  TABS.find((tab) => tab.value === value)?.value ?? 'accounts';

export function DiscoverPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const tab = readTab(params.get('tab'));
  return (
    <>
      <PageHeader
        title="Discover"
        hasBackButton={false}
        documentTitle={q ? `“${q}” · Discover` : 'Discover'}
      />
      <SearchBox
        initialText={q}
        onSearch={(text) => setParams({ q: text, tab }, { replace: q !== '' })}
      />
      {q ? (
        <Tabs
          label="Results"
          options={[...TABS]}
          selected={tab}
          onSelect={(next) => setParams({ q, tab: next }, { replace: true })}
        >
          {tab === 'accounts' && <AccountResults key={q} q={q} />}
          {tab === 'hashtags' && <HashtagResults key={q} q={q} />}
          {tab === 'videos' && <VideoResults key={q} q={q} />}
        </Tabs>
      ) : (
        <Trending />
      )}
    </>
  );
}

function NoResults({ q, what }: { q: string; what: string }) {
  return (
    <EmptyState icon="search" title={`No ${what} found`}>
      Nothing matches “{q}”. Try fewer or different words.
    </EmptyState>
  );
}

function AccountResults({ q }: { q: string }) {
  const pages = useCursorPages(`accounts:${q}`, (cursor) => searchAccounts(q, cursor));
  if (pages.status === 'loading') return <LoadingMessage text="Searching…" />;
  if (pages.status === 'failed')
    return <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />;
  if (pages.items.length === 0) return <NoResults q={q} what="accounts" />;
  return (
    <>
      <ul className={styles.results} aria-label={`Accounts matching ${q}`}>
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

function HashtagResults({ q }: { q: string }) {
  const pages = useCursorPages(`hashtags:${q}`, () => searchHashtags(q));
  if (pages.status === 'loading') return <LoadingMessage text="Searching…" />;
  if (pages.status === 'failed')
    return <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />;
  if (pages.items.length === 0) return <NoResults q={q} what="hashtags" />;
  return <HashtagList hashtags={pages.items} label={`Hashtags matching ${q}`} />;
}

function VideoResults({ q }: { q: string }) {
  const pages = useCursorPages(`videos:${q}`, (cursor) => searchVideos(q, cursor));
  if (pages.status === 'loading') return <LoadingMessage text="Searching…" />;
  if (pages.status === 'failed')
    return <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />;
  if (pages.items.length === 0) return <NoResults q={q} what="videos" />;
  return (
    <>
      <PosterGrid
        label={`Videos matching ${q}`}
        tiles={pages.items.map((video) => ({
          id: video.id,
          caption: video.caption,
          posterUrl: video.posterUrl,
          viewCount: video.stats.viewCount,
        }))}
      />
      <PagedListFooter
        hasMore={pages.hasMore}
        isLoadingMore={pages.isLoadingMore}
        error={pages.error}
        onLoadMore={pages.loadMore}
      />
    </>
  );
}

function Trending() {
  const pages = useCursorPages('trending', () => listTrendingHashtags());
  return (
    <section aria-labelledby="discover-trending">
      <h2 id="discover-trending" className={styles.sectionTitle}>
        Trending hashtags
      </h2>
      {pages.status === 'loading' && <LoadingMessage />}
      {pages.status === 'failed' && (
        <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />
      )}
      {pages.status === 'ready' &&
        (pages.items.length === 0 ? (
          <EmptyState icon="hash" title="Nothing trending yet">
            Hashtags in the captions of new videos show up here. Search for people by name or
            @handle above.
          </EmptyState>
        ) : (
          <HashtagList hashtags={pages.items} label="Trending hashtags" />
        ))}
    </section>
  );
}
