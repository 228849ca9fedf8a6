// "Following | For You" at the top of Home, TikTok-style: two links, the current one underlined.
import { Link } from 'react-router';
import styles from './HomePage.module.css';

export type FeedName = 'for-you' | 'following';

const FEEDS: { name: FeedName; label: string; path: string }[] = [
  { name: 'following', label: 'Following', path: '/following' },
  { name: 'for-you', label: 'For You', path: '/' },
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
