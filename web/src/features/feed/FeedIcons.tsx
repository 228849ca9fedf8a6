// The feed's own icons (filled, for use over video), inline SVG like ui/Icon. Decorative: every
// control that holds one has a text label.
import type { ReactElement } from 'react';

const shapes = {
  heart: (
    <path d="M12 21s-8.2-5-9.8-10.2C1.1 7.2 3.5 4 6.9 4c2.2 0 3.9 1.2 5.1 3 1.2-1.8 2.9-3 5.1-3 3.4 0 5.8 3.2 4.7 6.8C20.2 16 12 21 12 21z" />
  ),
  comment: (
    <path d="M12 3c5 0 9 3.5 9 8s-4 8-9 8c-1 0-2-.1-2.9-.4L4 21l1.3-4.2C3.9 15.3 3 13.3 3 11c0-4.5 4-8 9-8z" />
  ),
  bookmark: <path d="M6 3h12a1 1 0 0 1 1 1v17l-7-4.5L5 21V4a1 1 0 0 1 1-1z" />,
  share: <path d="M13 4v4C6 9 3.5 13.5 3 20c2.5-3.5 5.5-5 10-5v4l8-7.5z" />,
  play: <path d="M7 4.5v15a1 1 0 0 0 1.5.9l12-7.5a1 1 0 0 0 0-1.8l-12-7.5A1 1 0 0 0 7 4.5z" />,
  pause: <path d="M6 4h4v16H6zM14 4h4v16h-4z" />,
  soundOn: <path d="M4 9h4l5-4v14l-5-4H4zM16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" />,
  soundOff: <path d="M4 9h4l5-4v14l-5-4H4zM17 9.5l5 5M22 9.5l-5 5" />,
  plus: <path d="M12 6v12M6 12h12" />,
  check: <path d="m6 12.5 4 4 8-9" />,
  more: (
    <path d="M5 10a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4z" />
  ),
} satisfies Record<string, ReactElement>;

export type FeedIconName = keyof typeof shapes;

const STROKED: ReadonlySet<FeedIconName> = new Set(['soundOn', 'soundOff', 'plus', 'check']);

export function FeedIcon({ name, size = 32 }: { name: FeedIconName; size?: number }) {
  const isStroked = STROKED.has(name);
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={isStroked ? 'none' : 'currentColor'}
      stroke={isStroked ? 'currentColor' : 'none'}
      strokeWidth={2.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[name]}
    </svg>
  );
}
