// Server-Timing (W3C): how long each stage of a response took, shown by the browser's developer
// tools and read by bench:feed. Stage names and durations only, nothing about the data.

/** Times consecutive stages: each lap ends the stage running since the last one (or the start). */
export class ServerTiming {
  private readonly stages: { name: string; ms: number }[] = [];
  private last = performance.now();

  /** A stage timed elsewhere (what came before the handler, say). */
  record(name: string, ms: number): void {
    this.stages.push({ name, ms });
  }

  lap(name: string): void {
    const now = performance.now();
    this.stages.push({ name, ms: now - this.last });
    this.last = now;
  }

  /** The header's value: `state;dur=2.1, propose;dur=3.4, ...`. */
  header(): string {
    return this.stages.map(({ name, ms }) => `${name};dur=${ms.toFixed(1)}`).join(', ');
  }
}
