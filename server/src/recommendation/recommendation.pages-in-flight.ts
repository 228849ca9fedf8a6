// Pages first, learning second: the learner waits between its statements while a For You page
// of this process is being built, so on a machine with few cores a page's queries do not share
// them with a learner transaction's. Learning may wait; a viewer waiting on a page should not.
// Each wait is bounded, so a steady stream of pages only slows learning, never stops it.

export class PagesInFlight {
  private count = 0;
  private readonly waiting = new Set<() => void>();

  /** Runs `build` as a page in flight. */
  async around<T>(build: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await build();
    } finally {
      this.count -= 1;
      // A Set's iteration survives each wake deleting itself.
      if (this.count === 0) for (const wake of this.waiting) wake();
    }
  }

  /** Resolves at once when no page is in flight, else when none is or after `maxMs`. */
  yieldTo(maxMs: number): Promise<void> | undefined {
    if (this.count === 0) return undefined;
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, maxMs);
      this.waiting.add(wake);
    });
  }
}
