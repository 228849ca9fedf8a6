// A round profile photo, or the first letter of the name on a colour derived from it when there
// is no photo. `alt` is empty where the name is already written next to it.
import styles from './Avatar.module.css';

const FALLBACK_COLOURS = ['#7c3aed', '#0e7490', '#b45309', '#be185d', '#15803d', '#1d4ed8'];

function pickColour(name: string): string {
  let sum = 0;
  for (const char of name) sum = (sum * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return FALLBACK_COLOURS[sum % FALLBACK_COLOURS.length] ?? '#444';
}

export function Avatar({
  src,
  name,
  size = 40,
  alt = '',
}: {
  src: string | null;
  name: string;
  size?: number;
  alt?: string;
}) {
  const style = { width: size, height: size, fontSize: size * 0.42 };
  if (src) {
    return (
      <img
        className={styles.avatar}
        src={src}
        alt={alt}
        width={size}
        height={size}
        style={style}
        decoding="async"
      />
    );
  }
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span
      className={styles.avatar}
      style={{ ...style, background: pickColour(name) }}
      role={alt ? 'img' : undefined}
      aria-label={alt || undefined}
      aria-hidden={alt ? undefined : true}
    >
      {initial}
    </span>
  );
}
