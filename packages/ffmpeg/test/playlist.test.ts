import { describe, expect, it } from 'vitest';
import {
  buildMasterPlaylist,
  measureRenditionBandwidth,
  parseMediaPlaylist,
} from '../src/index.js';

// As ffmpeg 4.1 writes an fMP4 EVENT playlist with independent_segments.
const FINISHED = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:2
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:EVENT
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MAP:URI="init.mp4"
#EXTINF:2.000000,
segment-0.m4s
#EXTINF:1.033333,
segment-1.m4s
#EXT-X-ENDLIST
`;

describe('buildMasterPlaylist', () => {
  it('writes RFC 8216 stream entries for fMP4 renditions', () => {
    const master = buildMasterPlaylist([
      {
        uri: '720p/index.m3u8',
        bandwidthBps: 3_200_000,
        averageBandwidthBps: 2_128_000,
        width: 720,
        height: 1280,
        codecs: 'avc1.64001f,mp4a.40.2',
        frameRate: 30000 / 1001,
      },
      {
        uri: '360p/index.m3u8',
        bandwidthBps: 900_000,
        width: 360,
        height: 640,
        codecs: 'avc1.64001e',
        frameRate: 30,
      },
    ]);
    expect(master).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=3200000,AVERAGE-BANDWIDTH=2128000,RESOLUTION=720x1280,CODECS="avc1.64001f,mp4a.40.2",FRAME-RATE=29.970',
        '720p/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=360x640,CODECS="avc1.64001e",FRAME-RATE=30.000',
        '360p/index.m3u8',
        '',
      ].join('\n'),
    );
  });
});

describe('parseMediaPlaylist', () => {
  it('reads a finished playlist: init section, segments with durations, end', () => {
    expect(parseMediaPlaylist(FINISHED)).toEqual({
      version: 7,
      targetDurationSeconds: 2,
      playlistType: 'EVENT',
      initUri: 'init.mp4',
      segments: [
        { uri: 'segment-0.m4s', durationSeconds: 2 },
        { uri: 'segment-1.m4s', durationSeconds: 1.033333 },
      ],
      hasEnded: true,
      hasIndependentSegments: true,
    });
  });

  it('lists no segment before the first one is complete', () => {
    const head = FINISHED.slice(0, FINISHED.indexOf('#EXTINF'));
    expect(parseMediaPlaylist(head)).toMatchObject({
      initUri: 'init.mp4',
      segments: [],
      hasEnded: false,
    });
  });

  it('ignores a line caught half-written', () => {
    const cut = FINISHED.slice(0, FINISHED.indexOf('segment-1.m4s') + 'segment-1'.length);
    expect(parseMediaPlaylist(cut).segments.map((s) => s.uri)).toEqual(['segment-0.m4s']);
    const endCut = FINISHED.slice(0, FINISHED.length - 4);
    expect(parseMediaPlaylist(endCut).hasEnded).toBe(false);
  });

  it('reads an empty file as an empty playlist', () => {
    expect(parseMediaPlaylist('')).toMatchObject({ segments: [], hasEnded: false, version: null });
  });

  it('accepts CRLF line endings', () => {
    expect(parseMediaPlaylist(FINISHED.replaceAll('\n', '\r\n')).segments).toHaveLength(2);
  });
});

describe('measureRenditionBandwidth', () => {
  it('takes the peak segment bitrate and the overall average', () => {
    expect(
      measureRenditionBandwidth([
        { durationSeconds: 2, sizeBytes: 500_000 },
        { durationSeconds: 2, sizeBytes: 250_000 },
        { durationSeconds: 0, sizeBytes: 10 },
      ]),
    ).toEqual({ peakBps: 2_000_000, averageBps: 1_500_000 });
  });
});
