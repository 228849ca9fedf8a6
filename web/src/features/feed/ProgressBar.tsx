// A thin bar along the bottom of the current video that shows and scrubs its position. It reads
// the playhead every frame without re-rendering React.
import { useEffect, useRef, type RefObject } from 'react';
import styles from './FeedSlide.module.css';

const STEPS = 1000;

function formatTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function ProgressBar({
  videoRef,
  isCurrent,
}: {
  videoRef: RefObject<HTMLVideoElement | null>;
  isCurrent: boolean;
}) {
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!isCurrent) return;
    let frame = 0;
    const draw = () => {
      const video = videoRef.current;
      const input = inputRef.current;
      if (video && input && Number.isFinite(video.duration) && video.duration > 0) {
        const fraction = video.currentTime / video.duration;
        input.value = String(Math.round(fraction * STEPS));
        input.style.setProperty('--progress', `${fraction * 100}%`);
        input.setAttribute(
          'aria-valuetext',
          `${formatTime(video.currentTime)} of ${formatTime(video.duration)}`,
        );
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [videoRef, isCurrent]);

  return (
    <input
      ref={inputRef}
      className={styles.progress}
      type="range"
      min={0}
      max={STEPS}
      step={1}
      defaultValue={0}
      aria-label="Seek"
      tabIndex={isCurrent ? 0 : -1}
      onInput={(event) => {
        const video = videoRef.current;
        if (!video || !Number.isFinite(video.duration)) return;
        video.currentTime = (Number(event.currentTarget.value) / STEPS) * video.duration;
      }}
    />
  );
}
