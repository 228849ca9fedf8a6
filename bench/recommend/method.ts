// What every method in the bench offers the protocols: learn from interactions in time order,
// rebuild batch parameters on request, and rank items for a user at an instant.
import type { Interaction } from './interactions.js';

export interface BenchMethod {
  readonly name: string;
  /** Hyper-parameters in force (printed with the figures). */
  readonly settings: Record<string, number | string>;
  /** Learns from one interaction; called in global time order. */
  observe(interaction: Interaction): void;
  /** Rebuilds batch parameters from everything observed (incremental methods do nothing). */
  refit(): void;
  /** The k best items for `user` at `now` (seconds), leaving out `exclude`. */
  recommend(user: number, now: number, k: number, exclude: ReadonlySet<number>): number[];
}

/** Each user's distinct items in the order first seen, and item interaction counts. */
export class UserHistories {
  readonly items = new Map<number, number[]>();
  private readonly seen = new Map<number, Set<number>>();
  counts = new Float64Array(0);

  add(interaction: Interaction): boolean {
    let seen = this.seen.get(interaction.user);
    if (seen === undefined) {
      seen = new Set();
      this.seen.set(interaction.user, seen);
      this.items.set(interaction.user, []);
    }
    if (seen.has(interaction.item)) return false;
    seen.add(interaction.item);
    this.items.get(interaction.user)?.push(interaction.item);
    if (interaction.item >= this.counts.length) {
      const grown = new Float64Array(Math.max(interaction.item + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[interaction.item] = (this.counts[interaction.item] ?? 0) + 1;
    return true;
  }

  historyOf(user: number): readonly number[] {
    return this.items.get(user) ?? [];
  }

  /** Largest item index seen plus one. */
  get itemCount(): number {
    let last = this.counts.length - 1;
    while (last >= 0 && (this.counts[last] ?? 0) === 0) last -= 1;
    return last + 1;
  }
}

/**
 * The k items with the highest score, ties broken by `tieBreak` (popularity) then index;
 * items in `exclude` and items with neither score nor tie-break are skipped.
 */
export function selectTopItems(
  scores: Float64Array,
  tieBreak: Float64Array,
  k: number,
  exclude: ReadonlySet<number>,
): number[] {
  const top: number[] = [];
  const better = (a: number, b: number): boolean => {
    const sa = scores[a] ?? 0;
    const sb = scores[b] ?? 0;
    if (sa !== sb) return sa > sb;
    const ta = tieBreak[a] ?? 0;
    const tb = tieBreak[b] ?? 0;
    if (ta !== tb) return ta > tb;
    return a < b;
  };
  const count = Math.max(scores.length, tieBreak.length);
  for (let item = 0; item < count; item += 1) {
    if (exclude.has(item)) continue;
    if ((scores[item] ?? 0) === 0 && (tieBreak[item] ?? 0) === 0) continue;
    const last = top[top.length - 1];
    if (top.length === k && last !== undefined && !better(item, last)) continue;
    let position = top.length < k ? top.length : k - 1;
    top[position] = item;
    while (position > 0) {
      const before = top[position - 1];
      if (before === undefined || !better(item, before)) break;
      top[position] = before;
      top[position - 1] = item;
      position -= 1;
    }
  }
  return top;
}
