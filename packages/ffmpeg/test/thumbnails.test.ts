import { describe, expect, it } from 'vitest';
import { buildThumbnailVtt, planThumbnails } from '../src/index.js';

describe('planThumbnails', () => {
  it('takes one thumbnail a second for short videos', () => {
    expect(planThumbnails(4000, { width: 1080, height: 1920 })).toEqual({
      intervalSeconds: 1,
      count: 4,
      columns: 4,
      rows: 1,
      tileWidth: 90,
      tileHeight: 160,
    });
  });

  it('spaces thumbnails out so a ten-minute video still fits one 10x10 sprite', () => {
    const plan = planThumbnails(10 * 60_000, { width: 1920, height: 1080 });
    expect(plan).toMatchObject({ intervalSeconds: 6, count: 100, columns: 10, rows: 10 });
    expect([plan.tileWidth, plan.tileHeight]).toEqual([160, 90]);
  });

  it('still has one thumbnail for a clip under a second', () => {
    expect(planThumbnails(500, { width: 360, height: 640 })).toMatchObject({
      count: 1,
      columns: 1,
      rows: 1,
    });
  });
});

describe('buildThumbnailVtt', () => {
  it('maps each second to its tile with #xywh, the last cue ending with the video', () => {
    const vtt = buildThumbnailVtt({
      intervalSeconds: 1,
      columns: 2,
      rows: 2,
      tileWidth: 90,
      tileHeight: 160,
      durationMs: 3500,
      spriteUrl: 'thumbnails.webp',
    });
    expect(vtt).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:01.000',
        'thumbnails.webp#xywh=0,0,90,160',
        '',
        '00:00:01.000 --> 00:00:02.000',
        'thumbnails.webp#xywh=90,0,90,160',
        '',
        '00:00:02.000 --> 00:00:03.000',
        'thumbnails.webp#xywh=0,160,90,160',
        '',
        '00:00:03.000 --> 00:00:03.500',
        'thumbnails.webp#xywh=90,160,90,160',
        '',
      ].join('\n'),
    );
  });

  it('writes hours for long intervals and never more cues than tiles', () => {
    const vtt = buildThumbnailVtt({
      intervalSeconds: 3600,
      columns: 1,
      rows: 1,
      tileWidth: 160,
      tileHeight: 90,
      durationMs: 3 * 3_600_000,
      spriteUrl: '/media/v1/thumbnails.webp',
    });
    expect(vtt.match(/-->/g)).toHaveLength(1);
    expect(vtt).toContain('00:00:00.000 --> 01:00:00.000');
  });
});
