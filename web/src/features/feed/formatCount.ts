// Counters as short-video apps show them: 999, 1.2K, 3.4M.
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(count: number): string {
  return count < 1000 ? String(count) : compact.format(count);
}
