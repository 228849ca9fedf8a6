// Interaction logs as the benchmark reads them: `user,item[,timestamp][,weight|rating]` CSV with
// a header, mapped to dense indices so baselines can use typed arrays.

export interface Interaction {
  user: number;
  item: number;
  /** Seconds (or the row number when the file has no timestamp column). */
  timestamp: number;
  /** Watch ratio when the file has a weight column, else 1. */
  weight: number;
  /** 1-based line in the source file, the tie-breaker of the time order. */
  line: number;
}

/** Dense numbering of user and item names, shared by a train file and its test file. */
export interface Catalogue {
  userIndex: Map<string, number>;
  itemIndex: Map<string, number>;
  userNames: string[];
  itemNames: string[];
}

export function makeCatalogue(): Catalogue {
  return { userIndex: new Map(), itemIndex: new Map(), userNames: [], itemNames: [] };
}

export function indexName(index: Map<string, number>, names: string[], name: string): number {
  let value = index.get(name);
  if (value === undefined) {
    value = names.length;
    index.set(name, value);
    names.push(name);
  }
  return value;
}

/** Global time order: timestamp, then line. */
export function sortByTime(interactions: readonly Interaction[]): Interaction[] {
  return [...interactions].sort((a, b) => a.timestamp - b.timestamp || a.line - b.line);
}

/** Each user's interactions in time order. */
export function groupByUser(interactions: readonly Interaction[]): Map<number, Interaction[]> {
  const byUser = new Map<number, Interaction[]>();
  for (const interaction of sortByTime(interactions)) {
    const list = byUser.get(interaction.user);
    if (list === undefined) byUser.set(interaction.user, [interaction]);
    else list.push(interaction);
  }
  return byUser;
}

/**
 * Per-user temporal hold-out: each user's last round(n * fraction) interactions (at least one)
 * go to the held-out part; users with a single interaction keep it in the kept part.
 */
export function holdOutLatest(
  interactions: readonly Interaction[],
  fraction: number,
): { kept: Interaction[]; heldOut: Interaction[] } {
  const kept: Interaction[] = [];
  const heldOut: Interaction[] = [];
  for (const list of groupByUser(interactions).values()) {
    const count = list.length < 2 ? 0 : Math.max(1, Math.round(list.length * fraction));
    kept.push(...list.slice(0, list.length - count));
    heldOut.push(...list.slice(list.length - count));
  }
  return { kept: sortByTime(kept), heldOut: sortByTime(heldOut) };
}
