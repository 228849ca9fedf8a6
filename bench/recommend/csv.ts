// CSV loading for the recommendation bench: a header naming the columns, then one interaction a
// line. Bad rows are skipped and reported with their line number; a bad header is an error.
import { readFileSync } from 'node:fs';
import { indexName, makeCatalogue } from './interactions.js';
import type { Catalogue, Interaction } from './interactions.js';

export interface CsvProblem {
  line: number;
  message: string;
}

export interface ParsedLog {
  interactions: Interaction[];
  problems: CsvProblem[];
  hasTimestamp: boolean;
  hasWeight: boolean;
  /** Rows left out by minRating. */
  filteredOut: number;
}

export interface ParseOptions {
  /** With a `rating` column: keep rows rated at least this (as weight-less positives). */
  minRating?: number;
  catalogue?: Catalogue;
}

export class CsvFormatError extends Error {}

/**
 * Parses `user,item[,timestamp][,weight|rating]`. Columns are found by name in the header, in
 * any order. A `weight` column is a watch ratio (>= 0); a `rating` column is only used by
 * minRating, and the kept rows count as plain interactions.
 */
export function parseInteractionsCsv(text: string, options: ParseOptions = {}): ParsedLog {
  const catalogue = options.catalogue ?? makeCatalogue();
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((name) => name.trim().toLowerCase());
  const column = (name: string): number => header.indexOf(name);
  const userColumn = column('user');
  const itemColumn = column('item');
  if (userColumn < 0 || itemColumn < 0) {
    throw new CsvFormatError(
      `line 1: the header must name 'user' and 'item' columns (got '${lines[0] ?? ''}')`,
    );
  }
  const timeColumn = column('timestamp');
  const weightColumn = column('weight');
  const ratingColumn = column('rating');
  if (options.minRating !== undefined && ratingColumn < 0) {
    throw new CsvFormatError("--min-rating needs a 'rating' column in the header");
  }
  const result: ParsedLog = {
    interactions: [],
    problems: [],
    hasTimestamp: timeColumn >= 0,
    hasWeight: weightColumn >= 0,
    filteredOut: 0,
  };
  for (let index = 1; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    const line = index + 1;
    const fields = raw.split(',').map((field) => field.trim());
    if (fields.length !== header.length) {
      result.problems.push({
        line,
        message: `expected ${header.length} fields, got ${fields.length}`,
      });
      continue;
    }
    const user = fields[userColumn] ?? '';
    const item = fields[itemColumn] ?? '';
    if (user === '' || item === '') {
      result.problems.push({ line, message: 'empty user or item' });
      continue;
    }
    const timestamp = timeColumn >= 0 ? Number(fields[timeColumn]) : line;
    if (!Number.isFinite(timestamp) || fields[timeColumn] === '') {
      result.problems.push({
        line,
        message: `timestamp '${fields[timeColumn] ?? ''}' is not a number`,
      });
      continue;
    }
    const weight = weightColumn >= 0 ? Number(fields[weightColumn]) : 1;
    if (!Number.isFinite(weight) || weight < 0 || fields[weightColumn] === '') {
      result.problems.push({
        line,
        message: `weight '${fields[weightColumn] ?? ''}' is not a number >= 0`,
      });
      continue;
    }
    if (options.minRating !== undefined) {
      const rating = Number(fields[ratingColumn]);
      if (!Number.isFinite(rating) || fields[ratingColumn] === '') {
        result.problems.push({
          line,
          message: `rating '${fields[ratingColumn] ?? ''}' is not a number`,
        });
        continue;
      }
      if (rating < options.minRating) {
        result.filteredOut += 1;
        continue;
      }
    }
    result.interactions.push({
      user: indexName(catalogue.userIndex, catalogue.userNames, user),
      item: indexName(catalogue.itemIndex, catalogue.itemNames, item),
      timestamp,
      weight,
      line,
    });
  }
  return result;
}

/** Reads and parses a CSV file; throws when no row is usable. */
export function loadInteractionsCsv(path: string, options: ParseOptions = {}): ParsedLog {
  const parsed = parseInteractionsCsv(readFileSync(path, 'utf8'), options);
  if (parsed.interactions.length === 0) {
    throw new CsvFormatError(`${path}: no usable rows (${parsed.problems.length} bad rows)`);
  }
  return parsed;
}

/** One line per problem, at most `limit` of them, for stderr. */
export function describeProblems(
  path: string,
  problems: readonly CsvProblem[],
  limit = 5,
): string[] {
  const shown = problems
    .slice(0, limit)
    .map((problem) => `${path}:${problem.line}: ${problem.message}`);
  if (problems.length > limit)
    shown.push(`${path}: ... and ${problems.length - limit} more bad rows`);
  return shown;
}
