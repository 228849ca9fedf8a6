// The vertical feed: one video per screen, snapping as it scrolls (swipe, wheel), with the
// keyboard too (Up/Down or k/j, Space to pause, m to mute). The current video plays; the next
// two and the previous one stay attached and warm; the rest are detached, so memory stays flat
// however far the viewer goes.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Schemas } from '@shortwave/api-client';
import { soundPreference } from '../player/soundPreference';
import type { PlaybackRole } from '../player/usePlayback';
import type { FeedVideo } from './feed.api';
import { FeedSlide, type SlideCommands } from './FeedSlide';
import { recordViewingEvent } from './viewingEvents';
import styles from './FeedView.module.css';

const CommentsSheet = lazy(async () => ({
  default: (await import('../comments/CommentsSheet')).CommentsSheet,
}));
const WhyThisVideoSheet = lazy(async () => ({
  default: (await import('./WhyThisVideoSheet')).WhyThisVideoSheet,
}));

/** Which videos keep a player, relative to the current one. */
const WARM_BEHIND = 1;
const WARM_AHEAD = 2;
/** Slides further than this render as empty screens. */
const RENDERED_AROUND = 3;
/** Ask for the next page when this close to the end. */
const LOAD_AHEAD = 3;

function roleOf(index: number, current: number): PlaybackRole {
  if (index === current) return 'current';
  if (index >= current - WARM_BEHIND && index <= current + WARM_AHEAD) return 'neighbour';
  return 'away';
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function FeedView({
  videos,
  hasMore,
  onNearEnd,
  onCreatorDismissed,
}: {
  videos: FeedVideo[];
  hasMore: boolean;
  onNearEnd: () => void;
  /** "Not interested" or "hide": this creator's videos from `fromIndex` on leave the feed. */
  onCreatorDismissed: (creatorId: string, fromIndex: number) => void;
}) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const commandsRef = useRef<SlideCommands | null>(null);
  const [current, setCurrent] = useState(0);
  // The current index for the key handler, which may run before an effect re-subscribes it.
  const currentRef = useRef(current);
  currentRef.current = current;
  const [commentsVideo, setCommentsVideo] = useState<Schemas['ListedVideo'] | null>(null);
  const [commentCounts, setCommentCounts] = useState<Record<string, number>>({});
  const [whyVideo, setWhyVideo] = useState<FeedVideo | null>(null);

  // Where a swipe is headed, from the moment it starts: the video there plays at once, so its
  // picture moves while the scroll animation brings it in. Until the scroll gets there, scroll
  // positions in between do not make the video being left current again.
  const headingToRef = useRef<number | null>(null);

  // The current video, read from the scroll: where the browser says a touch or wheel scroll
  // will snap (scrollsnapchanging, as soon as it knows), else the slide filling most of it.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const hasSnapEvents = 'onscrollsnapchanging' in scroller;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const height = scroller.clientHeight || 1;
        const heading = headingToRef.current;
        if (heading !== null) {
          if (Math.abs(scroller.scrollTop - heading * height) >= 1) return;
          headingToRef.current = null;
        }
        if (!hasSnapEvents) setCurrent(Math.round(scroller.scrollTop / height));
      });
    };
    const onSnapChanging = (event: Event) => {
      const target = (event as Event & { snapTargetBlock?: Element | null }).snapTargetBlock;
      const index = target ? Array.prototype.indexOf.call(scroller.children, target) : -1;
      if (index < 0 || index >= videos.length) return;
      headingToRef.current = null;
      setCurrent(index);
    };
    // A finger or a wheel takes over from a keyboard swipe still under way.
    const onTakeOver = () => (headingToRef.current = null);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('scrollsnapchanging', onSnapChanging);
    scroller.addEventListener('touchstart', onTakeOver, { passive: true });
    scroller.addEventListener('wheel', onTakeOver, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('scrollsnapchanging', onSnapChanging);
      scroller.removeEventListener('touchstart', onTakeOver);
      scroller.removeEventListener('wheel', onTakeOver);
      cancelAnimationFrame(frame);
    };
  }, [videos.length]);

  useEffect(() => {
    if (hasMore && current >= videos.length - LOAD_AHEAD) onNearEnd();
  }, [current, videos.length, hasMore, onNearEnd]);

  const goTo = useCallback((index: number) => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    setCurrent(index);
    const top = index * scroller.clientHeight;
    if (Math.abs(scroller.scrollTop - top) < 1) return;
    headingToRef.current = index;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    scroller.scrollTo({
      top,
      behavior: reduceMotion ? 'auto' : 'smooth',
    });
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const last = videos.length - 1;
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          event.preventDefault();
          goTo(Math.min(currentRef.current + 1, last));
          break;
        case 'ArrowUp':
        case 'k':
          event.preventDefault();
          goTo(Math.max(currentRef.current - 1, 0));
          break;
        case ' ': {
          // Space on a focused button or link presses it; elsewhere it pauses.
          const target = event.target;
          if (target instanceof HTMLElement && target.closest('button, a, input')) return;
          event.preventDefault();
          commandsRef.current?.togglePaused();
          break;
        }
        case 'm':
          soundPreference.setMuted(!soundPreference.isMuted());
          break;
        default:
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [videos.length, goTo]);

  return (
    <>
      <div ref={scrollerRef} className={styles.scroller} role="region" aria-label="Videos">
        {videos.map((feedVideo, index) =>
          Math.abs(index - current) <= RENDERED_AROUND ? (
            <FeedSlide
              key={feedVideo.video.id}
              feedVideo={feedVideo}
              role={roleOf(index, current)}
              commentCount={commentCounts[feedVideo.video.id] ?? feedVideo.video.stats.commentCount}
              onOpenComments={setCommentsVideo}
              onOpenWhy={setWhyVideo}
              commandsRef={commandsRef}
            />
          ) : (
            <div key={feedVideo.video.id} className={styles.placeholder} aria-hidden="true" />
          ),
        )}
        {!hasMore && videos.length > 0 && <p className={styles.end}>You’re all caught up.</p>}
      </div>
      {commentsVideo && (
        <Suspense fallback={null}>
          <CommentsSheet
            video={commentsVideo}
            commentCount={commentCounts[commentsVideo.id] ?? commentsVideo.stats.commentCount}
            onCommentCountChange={(count) => {
              const previous = commentCounts[commentsVideo.id] ?? commentsVideo.stats.commentCount;
              if (count > previous) recordViewingEvent('comment', commentsVideo.id);
              setCommentCounts((counts) => ({ ...counts, [commentsVideo.id]: count }));
            }}
            onClose={() => setCommentsVideo(null)}
          />
        </Suspense>
      )}
      {whyVideo && (
        <Suspense fallback={null}>
          <WhyThisVideoSheet
            video={whyVideo.video}
            reasons={whyVideo.reasons}
            onClose={() => setWhyVideo(null)}
            onDismissed={(video) => {
              // The dismissed video and what is queued of its creator go; the next one slides in.
              const index = videos.findIndex((entry) => entry.video.id === video.id);
              onCreatorDismissed(video.creator.id, index < 0 ? current : index);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
