// The argument array of the one ffmpeg pass that writes the whole ladder: every rendition as its
// own HLS output (fMP4 segments, H.264 High 8-bit + AAC-LC, EVENT playlist so segments are
// playable while they are written), plus the poster and the thumbnail sprite, all from one
// decode. Pure: the array can be printed, tested, or sent to another machine.
//
// One HLS muxer per rendition rather than -var_stream_map: on ffmpeg 4.1, -master_pl_name crashes
// (SIGSEGV, empty master playlist) whenever it writes the master at the end (a VOD playlist, or a
// video that fits in one segment); per-variant init files work there only as init_<n>.mp4 next to
// each playlist. Shortwave writes the master playlist itself anyway, adding renditions as they
// finish, and separate outputs let each rendition have its own level, paths and file names.
import path from 'node:path';
import { buildFilterGraph, POSTER_LABEL, renditionLabel, SPRITE_LABEL } from './filter-graph.js';
import type { LadderPlan, Rendition } from './ladder.js';

export const PLAYLIST_NAME = 'index.m3u8';
export const INIT_NAME = 'init.mp4';
export const SEGMENT_NAME_PATTERN = 'segment-%d.m4s';
export const POSTER_FILE = 'poster.webp';
export const SPRITE_FILE = 'thumbnails.webp';

export type RenditionPaths = { name: string; dir: string; playlistPath: string; initPath: string };
export type TranscodeOutputs = {
  /** Same order as plan.renditions; each dir must exist before ffmpeg starts. */
  renditions: RenditionPaths[];
  posterPath: string;
  spritePath: string;
};

export function planOutputPaths(plan: LadderPlan, outputDir: string): TranscodeOutputs {
  return {
    renditions: plan.renditions.map((rendition) => {
      const dir = path.join(outputDir, rendition.name);
      return {
        name: rendition.name,
        dir,
        playlistPath: path.join(dir, PLAYLIST_NAME),
        initPath: path.join(dir, INIT_NAME),
      };
    }),
    posterPath: path.join(outputDir, POSTER_FILE),
    spritePath: path.join(outputDir, SPRITE_FILE),
  };
}

export type TranscodeIo = { inputPath: string; outputDir: string };

/**
 * Nothing of the source's metadata reaches what we publish: no GPS (`location`,
 * `com.apple.quicktime.location.ISO6709`), device, dates, chapters, or encoder strings. The
 * fMP4 init segments still get encoder=Lavf from ffmpeg 4.1's HLS muxer: scrubInitSegment.
 */
const NO_METADATA = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact'];

export function buildTranscodeArgs(plan: LadderPlan, io: TranscodeIo): string[] {
  const outputs = planOutputPaths(plan, io.outputDir);
  return [
    '-hide_banner',
    '-nostdin',
    '-y',
    ...['-loglevel', 'error', '-nostats', '-progress', 'pipe:1'],
    ...inputArgs(plan.input.demuxer, io.inputPath),
    ...['-filter_complex', buildFilterGraph(plan)],
    ...plan.renditions.flatMap((rendition, i) =>
      renditionArgs(plan, rendition, i, outputs.renditions[i]!),
    ),
    ...stillImageArgs(POSTER_LABEL, 85, outputs.posterPath),
    ...stillImageArgs(SPRITE_LABEL, 75, outputs.spritePath),
  ];
}

/** Untrusted input: local file only, through the demuxer the probe found (never guessed again). */
export function inputArgs(
  demuxer: string | null,
  inputPath: string,
  seekSeconds?: number,
): string[] {
  return [
    ...['-protocol_whitelist', 'file'],
    ...(demuxer ? ['-f', demuxer] : []),
    ...(seekSeconds === undefined ? [] : ['-ss', seekSeconds.toFixed(3)]),
    ...['-i', `file:${path.resolve(inputPath)}`],
  ];
}

function renditionArgs(
  plan: LadderPlan,
  rendition: Rendition,
  index: number,
  paths: RenditionPaths,
): string[] {
  const audioIndex = plan.input.audioStreamIndex;
  const gop = String(plan.gopFrames);
  return [
    ...['-map', renditionLabel(index)],
    ...(audioIndex === null ? [] : ['-map', `0:${audioIndex}`]),
    ...['-c:v', 'libx264', '-preset', plan.encoder.preset],
    ...['-profile:v', plan.encoder.profile, '-level:v', rendition.h264Level, '-pix_fmt', 'yuv420p'],
    ...['-b:v', `${rendition.videoBitrateKbps}k`, '-maxrate', `${rendition.maxrateKbps}k`],
    ...['-bufsize', `${rendition.bufsizeKbps}k`],
    // A keyframe every gopFrames frames and nowhere else (no scene-cut keyframes), in every
    // rendition: segments start at the same instants, so players can switch at any boundary.
    ...['-g', gop, '-keyint_min', gop, '-sc_threshold', '0'],
    // x264 writes its version and every option into an SEI message of the first frame.
    ...['-bsf:v', 'filter_units=remove_types=6', '-flags:v', '+bitexact'],
    ...colorArgs(plan),
    ...(rendition.audioBitrateKbps === null ? [] : audioArgs(plan, rendition.audioBitrateKbps)),
    ...NO_METADATA,
    // Encoders start at different speeds; let the muxer wait for the slower stream's first packet.
    ...['-max_muxing_queue_size', '1024'],
    ...hlsArgs(plan, paths),
  ];
}

function colorArgs(plan: LadderPlan): string[] {
  if (!plan.color) return [];
  const { primaries, transfer, space } = plan.color;
  return ['-color_primaries', primaries, '-color_trc', transfer, '-colorspace', space];
}

function audioArgs(plan: LadderPlan, bitrateKbps: number): string[] {
  return [
    ...['-c:a', 'aac', '-b:a', `${bitrateKbps}k`],
    ...['-ac', String(plan.input.audioChannels), '-ar', '48000'],
    // Without it the AAC encoder writes its version into the first frame.
    ...['-flags:a', '+bitexact'],
  ];
}

/**
 * RFC 8216: fMP4 segments (§3.3, EXT-X-MAP init section) in an EVENT playlist (§4.3.3.5), so
 * segments are listed as they are closed and ENDLIST is added at the end. hls_time is half a
 * frame under the GOP length so every keyframe starts a segment despite timestamp rounding.
 */
function hlsArgs(plan: LadderPlan, paths: RenditionPaths): string[] {
  const fps = plan.frameRate.num / plan.frameRate.den;
  const hlsTime = ((plan.gopFrames - 0.5) / fps).toFixed(6);
  return [
    ...['-f', 'hls', '-hls_time', hlsTime, '-hls_list_size', '0'],
    ...['-hls_playlist_type', 'event', '-hls_segment_type', 'fmp4'],
    // temp_file: newer ffmpeg writes each segment under .tmp and renames it when complete.
    ...['-hls_flags', 'independent_segments+temp_file'],
    ...['-hls_fmp4_init_filename', INIT_NAME],
    ...['-hls_segment_filename', path.join(paths.dir, SEGMENT_NAME_PATTERN)],
    paths.playlistPath,
  ];
}

/** One WebP frame; image2 with -update writes exactly that file. */
function stillImageArgs(label: string, quality: number, filePath: string): string[] {
  return [
    ...['-map', label, '-frames:v', '1'],
    ...['-c:v', 'libwebp', '-quality', String(quality), '-flags:v', '+bitexact'],
    ...NO_METADATA,
    ...['-f', 'image2', '-update', '1', filePath],
  ];
}
