import { describe, expect, it } from 'vitest';
import { buildFilterGraph, buildTranscodeArgs, planLadder, planOutputPaths } from '../src/index.js';
import { makeProbe } from './factories.js';

const io = { inputPath: '/uploads/abc.mp4', outputDir: '/work/abc' };

/** Every value given to a flag, in order. */
function valuesOf(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag ? [args[i + 1] ?? ''] : []));
}

/** The options of each output, split after each output file name. */
function outputsOf(args: string[]): string[][] {
  const start = args.indexOf('-filter_complex') + 2;
  const outputs: string[][] = [];
  let current: string[] = [];
  for (let i = start; i < args.length; i++) {
    const arg = args[i]!;
    current.push(arg);
    if (arg.startsWith('-')) {
      current.push(args[++i]!);
    } else {
      outputs.push(current);
      current = [];
    }
  }
  return outputs;
}

describe('buildTranscodeArgs', () => {
  const plan = planLadder(makeProbe());
  const args = buildTranscodeArgs(plan, io);

  it('reads the upload as a local file through the probed demuxer only', () => {
    const input = args.slice(0, args.indexOf('-filter_complex'));
    expect(input).toEqual(
      expect.arrayContaining([
        '-protocol_whitelist',
        'file',
        '-f',
        'mov',
        '-i',
        'file:/uploads/abc.mp4',
      ]),
    );
    expect(input).toEqual(expect.arrayContaining(['-progress', 'pipe:1', '-nostdin', '-y']));
  });

  it('decodes once and splits the picture for four renditions, the poster and the sprite', () => {
    expect(valuesOf(args, '-filter_complex')).toEqual([
      '[0:0]fps=30/1,format=yuv420p,split=6[r0][r1][r2][r3][poster_in][sprite_in];' +
        '[r0]scale=1080:1920:flags=bicubic,setsar=1[v0];' +
        '[r1]scale=720:1280:flags=bicubic,setsar=1[v1];' +
        '[r2]scale=480:854:flags=bicubic,setsar=1[v2];' +
        '[r3]scale=360:640:flags=bicubic,setsar=1[v3];' +
        '[poster_in]trim=start=1.000:duration=0.050000,setpts=PTS-STARTPTS,scale=1080:1920:flags=bicubic,setsar=1[poster];' +
        '[sprite_in]fps=1/1,scale=90:160:flags=bicubic,setsar=1,tile=10x3[sprite]',
    ]);
  });

  it('writes each rendition as its own fMP4 HLS output with an EVENT playlist', () => {
    const hls = outputsOf(args).filter((output) => valuesOf(output, '-f')[0] === 'hls');
    expect(hls.map((output) => output.at(-1))).toEqual(
      planOutputPaths(plan, io.outputDir).renditions.map((r) => r.playlistPath),
    );
    for (const output of hls) {
      expect(valuesOf(output, '-hls_segment_type')).toEqual(['fmp4']);
      expect(valuesOf(output, '-hls_playlist_type')).toEqual(['event']);
      expect(valuesOf(output, '-hls_list_size')).toEqual(['0']);
      expect(valuesOf(output, '-hls_fmp4_init_filename')).toEqual(['init.mp4']);
    }
    expect(valuesOf(args, '-hls_segment_filename')[3]).toBe('/work/abc/360p/segment-%d.m4s');
    expect(args).not.toContain('-var_stream_map');
  });

  it('encodes H.264 High 8-bit with the rung bitrates and AAC with the rung audio bitrate', () => {
    const [top] = outputsOf(args);
    expect(top).toEqual(expect.arrayContaining(['-map', '[v0]', '-map', '0:1']));
    expect(valuesOf(top!, '-c:v')).toEqual(['libx264']);
    expect(valuesOf(top!, '-preset')).toEqual(['veryfast']);
    expect(valuesOf(top!, '-profile:v')).toEqual(['high']);
    expect(valuesOf(top!, '-level:v')).toEqual(['4.0']);
    expect(valuesOf(top!, '-pix_fmt')).toEqual(['yuv420p']);
    expect([
      valuesOf(top!, '-b:v'),
      valuesOf(top!, '-maxrate'),
      valuesOf(top!, '-bufsize'),
    ]).toEqual([['3500k'], ['5250k'], ['7000k']]);
    expect([valuesOf(top!, '-c:a'), valuesOf(top!, '-b:a'), valuesOf(top!, '-ac')]).toEqual([
      ['aac'],
      ['128k'],
      ['2'],
    ]);
  });

  it('puts a keyframe every 60 frames and nowhere else, in every rendition', () => {
    expect(valuesOf(args, '-g')).toEqual(['60', '60', '60', '60']);
    expect(valuesOf(args, '-keyint_min')).toEqual(['60', '60', '60', '60']);
    expect(valuesOf(args, '-sc_threshold')).toEqual(['0', '0', '0', '0']);
    // Just under the GOP length, so every keyframe starts a segment.
    expect(valuesOf(args, '-hls_time')).toEqual(Array(4).fill('1.983333'));
  });

  it('strips metadata from every output and encoder strings from the bitstreams', () => {
    const outputs = outputsOf(args);
    expect(outputs).toHaveLength(6);
    for (const output of outputs) {
      expect(output).toEqual(
        expect.arrayContaining(['-map_metadata', '-1', '-map_chapters', '-1']),
      );
      expect(output).toEqual(expect.arrayContaining(['-fflags', '+bitexact']));
    }
    expect(valuesOf(args, '-bsf:v')).toEqual(Array(4).fill('filter_units=remove_types=6'));
    expect(valuesOf(args, '-flags:a')).toEqual(Array(4).fill('+bitexact'));
  });

  it('writes the poster and the sprite as single WebP images', () => {
    const [poster, sprite] = outputsOf(args).slice(-2);
    expect(poster).toEqual(
      expect.arrayContaining(['-map', '[poster]', '-frames:v', '1', '-c:v', 'libwebp']),
    );
    expect(poster!.at(-1)).toBe('/work/abc/poster.webp');
    expect(sprite).toEqual(expect.arrayContaining(['-map', '[sprite]', '-frames:v', '1']));
    expect(sprite!.at(-1)).toBe('/work/abc/thumbnails.webp');
  });

  it('maps no audio for a silent source', () => {
    const silent = buildTranscodeArgs(planLadder(makeProbe({ audio: undefined })), io);
    expect(valuesOf(silent, '-map').filter((m) => m.startsWith('0:'))).toEqual([]);
    expect(silent).not.toContain('-c:a');
  });

  it('tone-maps HDR to BT.709 SDR, shrinking to the top rung first, and tags it', () => {
    const hdr = planLadder(
      makeProbe(
        {},
        {
          width: 2160,
          height: 3840,
          bitDepth: 10,
          pixelFormat: 'yuv420p10le',
          isHdr: true,
          hdrTransfer: 'pq',
        },
      ),
    );
    const graph = buildFilterGraph(hdr);
    expect(graph).toContain(
      'fps=30/1,zscale=w=1080:h=1920:t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,' +
        'tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p,split=6',
    );
    const hdrArgs = buildTranscodeArgs(hdr, io);
    expect(valuesOf(hdrArgs, '-color_trc')).toEqual(Array(4).fill('bt709'));
  });

  it('only converts the pixel format of 10-bit SDR', () => {
    const graph = buildFilterGraph(
      planLadder(makeProbe({}, { bitDepth: 10, pixelFormat: 'yuv420p10le' })),
    );
    expect(graph).toMatch(/^\[0:0\]fps=30\/1,format=yuv420p,split=6/);
    expect(graph).not.toContain('tonemap');
  });

  it('uses the chosen video and audio streams of a multi-track file', () => {
    const plan2 = planLadder(
      makeProbe(
        { audio: { index: 2, codec: 'aac', channels: 2, sampleRate: 44100, bitrate: null } },
        { index: 1 },
      ),
    );
    const multi = buildTranscodeArgs(plan2, io);
    expect(valuesOf(multi, '-filter_complex')[0]).toMatch(/^\[0:1\]/);
    expect(valuesOf(multi, '-map').filter((m) => m.startsWith('0:'))).toEqual(Array(4).fill('0:2'));
  });

  it('is a plain array of strings', () => {
    expect(args.every((arg) => typeof arg === 'string' && arg.length > 0)).toBe(true);
  });
});
