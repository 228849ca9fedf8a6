import { describe, expect, it } from 'vitest';
import { planLadder } from '../src/index.js';
import type { LadderPlan } from '../src/index.js';
import { makeProbe } from './factories.js';

const sizes = (plan: LadderPlan) => plan.renditions.map((r) => `${r.width}x${r.height}`);

describe('planLadder', () => {
  it('keeps a portrait 1080x1920 source portrait on four rungs', () => {
    const plan = planLadder(makeProbe());
    expect(sizes(plan)).toEqual(['1080x1920', '720x1280', '480x854', '360x640']);
    expect(plan.renditions.map((r) => r.name)).toEqual(['1080p', '720p', '480p', '360p']);
  });

  it('keeps a landscape source landscape', () => {
    const plan = planLadder(makeProbe({}, { width: 1920, height: 1080 }));
    expect(sizes(plan)).toEqual(['1920x1080', '1280x720', '854x480', '640x360']);
  });

  it('gives a square source square rungs', () => {
    expect(sizes(planLadder(makeProbe({}, { width: 1080, height: 1080 })))).toEqual([
      '1080x1080',
      '720x720',
      '480x480',
      '360x360',
    ]);
  });

  it('chooses rungs from the short side and never upscales', () => {
    expect(sizes(planLadder(makeProbe({}, { width: 720, height: 1280 })))).toEqual([
      '720x1280',
      '480x854',
      '360x640',
    ]);
    // A 1000-wide portrait video tops out at 720: no rung above the source.
    expect(sizes(planLadder(makeProbe({}, { width: 1000, height: 1778 })))[0]).toBe('720x1280');
    // 4K is brought down to the 1080 rung.
    expect(sizes(planLadder(makeProbe({}, { width: 2160, height: 3840 })))[0]).toBe('1080x1920');
  });

  it('lays out a rotated phone video by its displayed size', () => {
    const rotated = makeProbe(
      {},
      { width: 1920, height: 1080, rotationDegrees: 90, displayWidth: 1080, displayHeight: 1920 },
    );
    expect(sizes(planLadder(rotated))[0]).toBe('1080x1920');
  });

  it('gives a source under 360 px one rung at its own even size', () => {
    const plan = planLadder(makeProbe({}, { width: 641, height: 359 }));
    expect(sizes(plan)).toEqual(['640x358']);
    expect(plan.renditions[0]?.name).toBe('358p');
  });

  it('gives a tiny source one rung with a floor bitrate', () => {
    const plan = planLadder(makeProbe({}, { width: 96, height: 160 }));
    expect(sizes(plan)).toEqual(['96x160']);
    expect(plan.renditions[0]?.videoBitrateKbps).toBe(150);
  });

  it('makes every dimension even', () => {
    const plan = planLadder(makeProbe({}, { width: 1081, height: 1923 }));
    for (const r of plan.renditions) {
      expect(r.width % 2).toBe(0);
      expect(r.height % 2).toBe(0);
    }
  });

  it('gives each rung video and audio bitrates, a VBV peak and a matching H.264 level', () => {
    const [top, , , lowest] = planLadder(makeProbe()).renditions;
    expect(top).toMatchObject({
      videoBitrateKbps: 3500,
      maxrateKbps: 5250,
      bufsizeKbps: 7000,
      audioBitrateKbps: 128,
      h264Level: '4.0',
      codecs: 'avc1.640028,mp4a.40.2',
    });
    expect(lowest).toMatchObject({
      videoBitrateKbps: 600,
      audioBitrateKbps: 64,
      codecs: 'avc1.64001e,mp4a.40.2',
    });
  });

  it('drops audio settings and the AAC codec for a silent source', () => {
    const plan = planLadder(makeProbe({ audio: undefined }));
    expect(plan.hasAudio).toBe(false);
    expect(plan.input.audioStreamIndex).toBeNull();
    expect(plan.renditions[0]).toMatchObject({ audioBitrateKbps: null, codecs: 'avc1.640028' });
  });

  it('uses one constant frame rate and a two-second keyframe interval for every rung', () => {
    const plan = planLadder(makeProbe());
    expect(plan).toMatchObject({
      frameRate: { num: 30, den: 1 },
      gopFrames: 60,
      segmentSeconds: 2,
    });
  });

  it('keeps 29.97 fps exact, so a segment is 60 frames of 2.002 s', () => {
    const plan = planLadder(makeProbe({}, { frameRateRational: { num: 30000, den: 1001 } }));
    expect(plan.frameRate).toEqual({ num: 30000, den: 1001 });
    expect(plan.gopFrames).toBe(60);
    expect(plan.segmentSeconds).toBeCloseTo(2.002, 3);
  });

  it('halves 60 fps to 30 and 50 to 25 rather than dropping frames unevenly', () => {
    expect(planLadder(makeProbe({}, { frameRateRational: { num: 60, den: 1 } })).frameRate).toEqual(
      {
        num: 30,
        den: 1,
      },
    );
    expect(planLadder(makeProbe({}, { frameRateRational: { num: 50, den: 1 } })).frameRate).toEqual(
      {
        num: 25,
        den: 1,
      },
    );
  });

  it('keeps 60 fps when the cap allows it, with more bits and a higher level', () => {
    const plan = planLadder(makeProbe({}, { frameRateRational: { num: 60, den: 1 } }), {
      maxFrameRate: 60,
    });
    expect(plan.gopFrames).toBe(120);
    expect(plan.renditions[0]).toMatchObject({ videoBitrateKbps: 5250, h264Level: '4.2' });
  });

  it('turns a variable frame rate into its constant base rate', () => {
    const vfr = makeProbe(
      {},
      {
        isVariableFrameRate: true,
        frameRateRational: { num: 318, den: 17 },
        baseFrameRate: { num: 30, den: 1 },
      },
    );
    expect(planLadder(vfr).frameRate).toEqual({ num: 30, den: 1 });
  });

  it('keeps a slow GIF at its own rate', () => {
    const gif = makeProbe(
      { audio: undefined },
      { codec: 'gif', frameRateRational: { num: 10, den: 1 } },
    );
    const plan = planLadder(gif);
    expect(plan.frameRate).toEqual({ num: 10, den: 1 });
    expect(plan.gopFrames).toBe(20);
  });

  it('tone-maps HDR and tags the output BT.709; keeps an SDR source’s own colour tags', () => {
    const hdr = planLadder(
      makeProbe({}, { isHdr: true, hdrTransfer: 'hlg', colorPrimaries: 'bt2020' }),
    );
    expect(hdr.hdrTransfer).toBe('hlg');
    expect(hdr.color).toEqual({ primaries: 'bt709', transfer: 'bt709', space: 'bt709' });
    const sd = planLadder(
      makeProbe(
        {},
        { colorPrimaries: 'smpte170m', colorTransfer: 'smpte170m', colorSpace: 'smpte170m' },
      ),
    );
    expect(sd.color).toEqual({ primaries: 'smpte170m', transfer: 'smpte170m', space: 'smpte170m' });
    expect(planLadder(makeProbe({}, { colorSpace: null })).color).toBeNull();
  });

  it('maps the chosen streams and forces the probed demuxer', () => {
    const plan = planLadder(
      makeProbe(
        { audio: { index: 3, codec: 'aac', channels: 6, sampleRate: 48000, bitrate: null } },
        { index: 1 },
      ),
    );
    expect(plan.input).toEqual({
      demuxer: 'mov',
      videoStreamIndex: 1,
      audioStreamIndex: 3,
      audioChannels: 2,
    });
  });

  it('takes the poster a second in, or a quarter into a short clip, at the top rung size', () => {
    expect(planLadder(makeProbe()).poster).toEqual({ width: 1080, height: 1920, atSeconds: 1 });
    expect(planLadder(makeProbe({ durationMs: 2000 })).poster.atSeconds).toBe(0.5);
  });

  it('plans one thumbnail a second in a sprite ten tiles wide', () => {
    expect(planLadder(makeProbe()).thumbnails).toEqual({
      intervalSeconds: 1,
      count: 30,
      columns: 10,
      rows: 3,
      tileWidth: 90,
      tileHeight: 160,
    });
  });

  it('is plain data that survives JSON', () => {
    const plan = planLadder(makeProbe());
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
