// Videos as a three-column grid of posters, each a link to its watch page (/v/:id). Used by
// profiles, hashtag pages and search results.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon';
import styles from './PosterGrid.module.css';

export type PosterTile = {
  id: string;
  caption: string;
  posterUrl: string | null;
  viewCount?: number;
  isPinned?: boolean;
  /** Instead of the view count: "Processing 40%", "Failed", "Draft". */
  badge?: string;
};

const compactNumber = new Intl.NumberFormat('en', { notation: 'compact' });

export function formatCount(count: number): string {
  return compactNumber.format(count);
}

function describeTile(tile: PosterTile): string {
  const parts = [tile.caption.trim() || 'Video without a caption'];
  if (tile.isPinned) parts.push('pinned');
  if (tile.badge) parts.push(tile.badge);
  else if (tile.viewCount !== undefined)
    parts.push(`${formatCount(tile.viewCount)} ${tile.viewCount === 1 ? 'view' : 'views'}`);
  return parts.join(', ');
}

export function PosterGrid({
  tiles,
  label,
  renderAction,
}: {
  tiles: PosterTile[];
  label: string;
  /** A control over a tile's corner, outside its link (pinning on your own profile). */
  renderAction?: (tile: PosterTile) => ReactNode;
}) {
  return (
    <ul className={styles.grid} aria-label={label}>
      {tiles.map((tile) => (
        <li key={tile.id} className={styles.cell}>
          <Link to={`/v/${tile.id}`} className={styles.tile} aria-label={describeTile(tile)}>
            {tile.posterUrl ? (
              <img
                className={styles.poster}
                src={tile.posterUrl}
                alt=""
                loading="lazy"
                decoding="async"
              />
            ) : (
              <span className={styles.noPoster} aria-hidden="true">
                <Icon name="video" size={28} />
              </span>
            )}
            {tile.isPinned && (
              <span className={styles.pinned} aria-hidden="true">
                Pinned
              </span>
            )}
            <span className={styles.meta} aria-hidden="true">
              {tile.badge ?? (
                <>
                  {tile.viewCount !== undefined && (
                    <>
                      <Icon name="video" size={14} /> {formatCount(tile.viewCount)}
                    </>
                  )}
                </>
              )}
            </span>
          </Link>
          {renderAction?.(tile)}
        </li>
      ))}
    </ul>
  );
}
