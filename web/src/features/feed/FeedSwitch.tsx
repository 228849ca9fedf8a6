// "Following | For You | Fresh | Trending" at the top of Home, TikTok-style: the viewer picks the
// feed, the current one underlined. Only For You is personalised.
import { Link } from 'react-router';
import styles from './HomePage.module.css';

export type FeedName = 'for-you' | 'following' | 'fresh' | 'trending';

export const FEEDS: { name: FeedName; label: string; path: string }[] = [
  { name: 'following', label: 'Following', path: '/following' },
  { name: 'for-you', label: 'For You', path: '/' },
  { name: 'fresh', label: 'Fresh', path: '/fresh' },
  { name: 'trending', label: 'Trending', path: '/trending' },
];

export function FeedSwitch({ current }: { current: FeedName }) {
  return (
    <nav aria-label="Feeds">
      <ul className={styles.feeds}>
        {FEEDS.map((feed) => (
          <li key={feed.name}>
            <Link
              to={feed.path}
              className={styles.feed}
              aria-current={feed.name === current ? 'page' : undefined}
            >
              {feed.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
