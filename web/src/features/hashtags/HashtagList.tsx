// Hashtags as rows leading to their pages, with how many videos carry each.
import type { Schemas } from '@shortwave/api-client';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon';
import { formatCount } from '../profile/PosterGrid';
import styles from './HashtagPage.module.css';

export function HashtagList({
  hashtags,
  label,
}: {
  hashtags: Schemas['HashtagCount'][];
  label: string;
}) {
  return (
    <ul className={styles.list} aria-label={label}>
      {hashtags.map((hashtag) => (
        <li key={hashtag.tag}>
          <Link to={`/tag/${encodeURIComponent(hashtag.tag)}`} className={styles.row}>
            <span className={styles.icon} aria-hidden="true">
              <Icon name="hash" size={20} />
            </span>
            <span className={styles.text}>
              <span className={styles.tag}>#{hashtag.tag}</span>
              <span className={styles.meta}>
                {formatCount(hashtag.videoCount)} {hashtag.videoCount === 1 ? 'video' : 'videos'}
                {' · '}
                {formatCount(hashtag.viewCount)} {hashtag.viewCount === 1 ? 'view' : 'views'}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
