import { describe, expect, it } from 'vitest';
import { parseProbeOutput } from '../src/index.js';
import {
  ANIMATED_GIF,
  AUDIO_ONLY,
  AUDIO_WITH_COVER_ART,
  HDR10_HEVC,
  PHONE_PORTRAIT,
  PNG_NAMED_MP4,
  TWO_VIDEO_TRACKS,
  VARIABLE_FRAME_RATE,
} from './fixtures/probe-json.js';

describe('parseProbeOutput', () => {
  it('turns an iPhone display matrix of -90° into a clockwise quarter turn and a portrait display size', () => {
    const probe = parseProbeOutput(PHONE_PORTRAIT);
    expect(probe.video).toMatchObject({
      codec: 'h264',
      width: 640,
      height: 360,
      rotationDegrees: 90,
      displayWidth: 360,
      displayHeight: 640,
      pixelFormat: 'yuv420p',
      bitDepth: 8,
      isHdr: false,
      frameRate: 30,
      isVariableFrameRate: false,
      isStillImage: false,
    });
    expect(probe).toMatchObject({ container: 'mov,mp4,m4a,3gp,3g2,mj2', durationMs: 2000 });
    expect(probe.audio).toMatchObject({ codec: 'aac', channels: 1, sampleRate: 48000 });
  });

  it('reads the older clockwise rotate tag when there is no display matrix', () => {
    const stream = { ...PHONE_PORTRAIT.streams[0], side_data_list: [], tags: { rotate: '270' } };
    const probe = parseProbeOutput({ ...PHONE_PORTRAIT, streams: [stream] });
    expect(probe.video).toMatchObject({
      rotationDegrees: 270,
      displayWidth: 360,
      displayHeight: 640,
    });
  });

  it('recognises 10-bit PQ video as HDR', () => {
    const video = parseProbeOutput(HDR10_HEVC).video;
    expect(video).toMatchObject({ codec: 'hevc', bitDepth: 10, isHdr: true, hdrTransfer: 'pq' });
    expect(video).toMatchObject({ colorPrimaries: 'bt2020', colorSpace: 'bt2020nc' });
  });

  it('recognises HLG, as iPhones record it, as HDR', () => {
    const stream = { ...HDR10_HEVC.streams[0], color_transfer: 'arib-std-b67' };
    const video = parseProbeOutput({ ...HDR10_HEVC, streams: [stream] }).video;
    expect(video).toMatchObject({ isHdr: true, hdrTransfer: 'hlg' });
  });

  it('sees a variable frame rate in the packet timestamps and keeps the base rate', () => {
    const video = parseProbeOutput(VARIABLE_FRAME_RATE).video;
    expect(video?.isVariableFrameRate).toBe(true);
    expect(video?.baseFrameRate).toEqual({ num: 30, den: 1 });
    expect(video?.frameRate).toBeCloseTo(18.7, 1);
  });

  it('does not call B-frame reordering a variable frame rate', () => {
    // HEVC packets arrive in decode order: 0, 2048, 1024, 512, ...
    expect(parseProbeOutput(HDR10_HEVC).video?.isVariableFrameRate).toBe(false);
  });

  it('takes an animated GIF as a silent video', () => {
    const probe = parseProbeOutput(ANIMATED_GIF);
    expect(probe.video).toMatchObject({ codec: 'gif', frameRate: 10, isStillImage: false });
    expect(probe.audio).toBeUndefined();
    expect(probe.durationMs).toBe(2000);
  });

  it('calls a PNG a still image, whatever the file was named', () => {
    const probe = parseProbeOutput(PNG_NAMED_MP4);
    expect(probe.container).toBe('png_pipe');
    expect(probe.video?.isStillImage).toBe(true);
    expect(probe.durationMs).toBeNull();
  });

  it('uses the default video track and counts the others', () => {
    const probe = parseProbeOutput(TWO_VIDEO_TRACKS);
    expect(probe.videoStreamCount).toBe(2);
    expect(probe.video).toMatchObject({ index: 0, width: 360, height: 640 });
    expect(probe.audio?.index).toBe(2);
  });

  it('uses the first video track when none is marked default', () => {
    const streams = TWO_VIDEO_TRACKS.streams.map((s) => ({
      ...s,
      disposition: { default: 0, attached_pic: 0 },
    }));
    expect(parseProbeOutput({ ...TWO_VIDEO_TRACKS, streams }).video?.index).toBe(0);
  });

  it('does not count cover art as a video track', () => {
    const probe = parseProbeOutput(AUDIO_WITH_COVER_ART);
    expect(probe.video).toBeUndefined();
    expect(probe.videoStreamCount).toBe(0);
    expect(probe.audio?.codec).toBe('aac');
  });

  it('has no video for an audio file', () => {
    expect(parseProbeOutput(AUDIO_ONLY)).toMatchObject({
      videoStreamCount: 0,
      audioStreamCount: 1,
      textSubtitles: [],
    });
  });

  it('widens anamorphic video to square pixels before rotating it', () => {
    const stream = { ...PHONE_PORTRAIT.streams[0], sample_aspect_ratio: '4:3' };
    const video = parseProbeOutput({ ...PHONE_PORTRAIT, streams: [stream] }).video;
    expect(video).toMatchObject({ displayWidth: 360, displayHeight: 853 });
  });

  it('reads bit depth from pixel format names', () => {
    const depthOf = (pix_fmt: string) =>
      parseProbeOutput({ streams: [{ ...PHONE_PORTRAIT.streams[0], pix_fmt }] }).video?.bitDepth;
    expect(depthOf('yuv420p10le')).toBe(10);
    expect(depthOf('yuv422p12le')).toBe(12);
    expect(depthOf('p010le')).toBe(10);
    expect(depthOf('gray10le')).toBe(10);
    expect(depthOf('nv12')).toBe(8);
    expect(depthOf('rgb24')).toBe(8);
    expect(depthOf('yuvj420p')).toBe(8);
  });

  it('survives JSON that is not ffprobe output at all', () => {
    expect(parseProbeOutput(null)).toMatchObject({
      container: 'unknown',
      durationMs: null,
      videoStreamCount: 0,
    });
    expect(parseProbeOutput({ streams: 'nope', format: [] }).video).toBeUndefined();
  });
});
