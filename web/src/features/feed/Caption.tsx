// The creator's name and the caption under a video: two lines, "more" for the rest; hashtags and
// mentions are links.
import { useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '@shortwave/api-client';
import { joinClassNames } from '../../ui/classNames';
import { RichText } from './RichText';
import styles from './FeedSlide.module.css';

export function Caption({ video }: { video: Schemas['ListedVideo'] }) {
  const textRef = useRef<HTMLParagraphElement>(null);
  const [isExpanded, setExpanded] = useState(false);
  const [isClamped, setClamped] = useState(false);

  useLayoutEffect(() => {
    const text = textRef.current;
    if (text && !isExpanded) setClamped(text.scrollHeight > text.clientHeight + 1);
  }, [video.caption, isExpanded]);

  const { creator } = video;
  return (
    <div className={styles.caption}>
      <Link to={`/@${creator.handle}`} className={styles.captionHandle}>
        {creator.displayName || `@${creator.handle}`}
      </Link>
      {video.caption && (
        <p
          ref={textRef}
          id={`caption-${video.id}`}
          className={joinClassNames(styles.captionText, !isExpanded && styles.clamped)}
        >
          <RichText text={video.caption} linkClassName={styles.captionLink} />
        </p>
      )}
      {(isClamped || isExpanded) && (
        <button
          type="button"
          className={styles.more}
          aria-expanded={isExpanded}
          aria-controls={`caption-${video.id}`}
          onClick={() => setExpanded((expanded) => !expanded)}
        >
          {isExpanded ? 'less' : 'more'}
        </button>
      )}
    </div>
  );
}
