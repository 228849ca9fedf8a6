// The split helper: a per-user temporal train/test pair of CSV files from one log, so protocol
// (b) can run on any dataset. Rows keep their original text; both files keep the header.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseInteractionsCsv } from './csv.js';
import { holdOutLatest } from './interactions.js';

export interface SplitOptions {
  data: string;
  trainOut: string;
  testOut: string;
  fraction: number;
  minRating: number | undefined;
}

export function writeTemporalSplit(options: SplitOptions): {
  train: number;
  test: number;
  skipped: number;
} {
  const text = readFileSync(options.data, 'utf8');
  const parsed = parseInteractionsCsv(text, { minRating: options.minRating });
  const lines = text.split(/\r?\n/);
  const header = lines[0] ?? '';
  const { kept, heldOut } = holdOutLatest(parsed.interactions, options.fraction);
  const render = (rows: typeof kept): string =>
    [header, ...rows.map((interaction) => lines[interaction.line - 1] ?? '')].join('\n') + '\n';
  writeFileSync(options.trainOut, render(kept));
  writeFileSync(options.testOut, render(heldOut));
  return {
    train: kept.length,
    test: heldOut.length,
    skipped: parsed.problems.length + parsed.filteredOut,
  };
}
