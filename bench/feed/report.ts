// bench:feed's figures and lines: pages and event batches summarised (p50 / p99, the slowest,
// the stages of each page's Server-Timing) and written for the progress lines and the table.
import type { EventLoadResult } from './event-load.js';

/** One page as the bench saw it: its latency, its length, and its stages (Server-Timing, ms). */
export type PageRead = { ms: number; items: number; stages: Map<string, number> };

/** A page read in a phase, and when it was asked for (seconds into the phase). */
export type PageSeen = { ms: number; atSeconds: number; stages: Map<string, number> };

export type Pages = ReturnType<typeof summarisePages>;

/** `state;dur=2.1, propose;dur=3.4` -> state 2.1, propose 3.4. */
export function parseServerTiming(header: string): Map<string, number> {
  const stages = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [name, ...fields] = entry.trim().split(';');
    const duration = fields.find((field) => field.startsWith('dur='));
    if (name && duration) stages.set(name, Number(duration.slice(4)));
  }
  return stages;
}

/** A phase's pages: how many, their p50 / p99, the five slowest, and where the time went. */
export function summarisePages(pages: PageSeen[], durationSeconds: number, short: number) {
  return {
    count: pages.length,
    pagesPerSecond: pages.length / durationSeconds,
    short,
    slowest: [...pages].sort((a, b) => b.ms - a.ms).slice(0, 5),
    ...summarise(pages.map((page) => page.ms)),
    // Each stage's p50 / p99 over the phase's pages, and what is outside the stages
    // (serialisation, the injected request's own handling, waiting for the thread).
    stages: new Map(
      [...new Set(pages.flatMap((page) => [...page.stages.keys()])), 'outside'].map((stage) => [
        stage,
        summarise(pages.map((page) => stageMs(page, stage))),
      ]),
    ),
  };
}

export function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

function stageMs(page: { ms: number; stages: Map<string, number> }, stage: string): number {
  if (stage !== 'outside') return page.stages.get(stage) ?? 0;
  let inside = 0;
  for (const value of page.stages.values()) inside += value;
  return Math.max(0, page.ms - inside);
}

export function describePages(pages: Pages): string {
  const slowest = pages.slowest
    .map((page) => `${page.ms.toFixed(0)} ms at ${page.atSeconds.toFixed(1)} s`)
    .join(', ');
  const stages = [...pages.stages]
    .map(([stage, { p50, p99 }]) => `${stage} ${p50.toFixed(1)}/${p99.toFixed(1)}`)
    .join(', ');
  const slowestStages = pages.slowest
    .map((page) =>
      [...pages.stages.keys()].map((stage) => stageMs(page, stage).toFixed(0)).join('+'),
    )
    .join(', ');
  return (
    `${pages.count} pages, p50 ${ms(pages.p50)}, p99 ${ms(pages.p99)} (slowest ${slowest}); ` +
    `stages p50/p99 ms: ${stages}; the slowest as ${[...pages.stages.keys()].join('+')}: ${slowestStages}`
  );
}

export function describeEvents(result: EventLoadResult): string {
  const skipped = result.skipped ? `, ${result.skipped} batches not taken` : '';
  return `${result.accepted} events learnt, ${rate(result)}${skipped}`;
}

export function rate(result: EventLoadResult | undefined): string {
  return result === undefined ? 'n/a' : `${(result.accepted / result.seconds).toFixed(0)} events/s`;
}

export function batchLatencies(result: EventLoadResult): string {
  const batches = summarise(result.latencies);
  return `${batches.p50.toFixed(0)} / ${batches.p99.toFixed(0)} ms`;
}

export function ms(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${value.toFixed(1)} ms`;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
