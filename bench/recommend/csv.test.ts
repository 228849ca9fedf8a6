import { describe, expect, it } from 'vitest';
import { CsvFormatError, describeProblems, parseInteractionsCsv } from './csv.js';

describe('the interaction CSV loader', () => {
  it('reads user,item,timestamp rows into dense indices', () => {
    const parsed = parseInteractionsCsv('user,item,timestamp\nu1,a,10\nu2,a,11\nu1,b,12\n');
    expect(parsed.interactions.map((row) => [row.user, row.item, row.timestamp])).toEqual([
      [0, 0, 10],
      [1, 0, 11],
      [0, 1, 12],
    ]);
    expect(parsed.hasTimestamp).toBe(true);
    expect(parsed.problems).toEqual([]);
  });

  it('uses the row number as time when there is no timestamp column, and reads weights', () => {
    const parsed = parseInteractionsCsv('item,user,weight\na,u1,0.5\n');
    expect(parsed.interactions[0]).toMatchObject({ timestamp: 2, weight: 0.5, line: 2 });
    expect(parsed.hasWeight).toBe(true);
  });

  it('skips bad rows and names their lines', () => {
    const parsed = parseInteractionsCsv(
      'user,item,timestamp\nu1,a,10\nu1,b\nu2,,3\nu3,c,soon\nu4,d,4\n',
    );
    expect(parsed.interactions).toHaveLength(2);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([3, 4, 5]);
    expect(describeProblems('log.csv', parsed.problems, 2)).toEqual([
      'log.csv:3: expected 3 fields, got 2',
      'log.csv:4: empty user or item',
      'log.csv: ... and 1 more bad rows',
    ]);
  });

  it('refuses a header without user and item columns', () => {
    expect(() => parseInteractionsCsv('viewer,video\n1,2\n')).toThrow(CsvFormatError);
  });

  it('keeps only rows rated at least --min-rating', () => {
    const parsed = parseInteractionsCsv('user,item,timestamp,rating\n1,a,1,5\n1,b,2,3\n1,c,3,4\n', {
      minRating: 4,
    });
    expect(parsed.interactions.map((row) => row.item)).toEqual([0, 1]);
    expect(parsed.filteredOut).toBe(1);
  });

  it('refuses --min-rating on a file without a rating column', () => {
    expect(() => parseInteractionsCsv('user,item\n1,2\n', { minRating: 4 })).toThrow(/rating/);
  });
});
