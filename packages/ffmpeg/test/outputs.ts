// Looks at what a transcode wrote the way a player and a privacy reviewer would: each rendition
// as one fMP4 stream (init + segments, in playlist order) read back with ffprobe.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  inspectSource,
  locateFfmpeg,
  parseMediaPlaylist,
  planLadder,
  runTool,
  transcodeLadder,
} from '../src/index.js';
import type { LadderPlan, MediaPlaylist, TranscodeOptions, TranscodeResult } from '../src/index.js';

type Json = Record<string, unknown>;
export type ProbedStream = Json & { codec_type?: string; tags?: Record<string, string> };
export type ProbedFile = {
  streams: ProbedStream[];
  format: Json & { tags?: Record<string, string> };
  packets: { stream_index: number; pts_time: string; duration_time?: string; flags: string }[];
};

export async function ffprobeJson(filePath: string, extraArgs: string[] = []): Promise<ProbedFile> {
  const { ffprobePath } = locateFfmpeg();
  const { stdout } = await runTool(ffprobePath, [
    ...['-v', 'error', '-show_format', '-show_streams', ...extraArgs, '-of', 'json', filePath],
  ]);
  const json = JSON.parse(stdout) as Partial<ProbedFile>;
  return { streams: json.streams ?? [], format: json.format ?? {}, packets: json.packets ?? [] };
}

export type RenditionOnDisk = { playlist: MediaPlaylist; joinedPath: string; probe: ProbedFile };

/** Joins init + segments into <dir>/joined.mp4 and probes it, packets included. */
export async function readRendition(renditionDir: string): Promise<RenditionOnDisk> {
  const playlist = parseMediaPlaylist(
    await readFile(path.join(renditionDir, 'index.m3u8'), 'utf8'),
  );
  if (!playlist.initUri) throw new Error(`no EXT-X-MAP in ${renditionDir}`);
  const parts = [playlist.initUri, ...playlist.segments.map((segment) => segment.uri)];
  const bytes = await Promise.all(parts.map((part) => readFile(path.join(renditionDir, part))));
  const joinedPath = path.join(renditionDir, 'joined.mp4');
  await writeFile(joinedPath, Buffer.concat(bytes));
  const probe = await ffprobeJson(joinedPath, [
    ...['-show_entries', 'packet=stream_index,pts_time,duration_time,flags'],
  ]);
  return { playlist, joinedPath, probe };
}

export function videoStream(file: ProbedFile): ProbedStream {
  const stream = file.streams.find((s) => s.codec_type === 'video');
  if (!stream) throw new Error('no video stream');
  return stream;
}

/** Presentation times (ms) of the video keyframes. */
export function keyframeTimesMs(file: ProbedFile): number[] {
  const index = file.streams.findIndex((s) => s.codec_type === 'video');
  return file.packets
    .filter((p) => p.stream_index === index && p.flags.includes('K'))
    .map((p) => Math.round(Number(p.pts_time) * 1000))
    .sort((a, b) => a - b);
}

/** Distinct gaps (ms) between consecutive video frames: one value means constant frame rate. */
export function frameIntervalsMs(file: ProbedFile): number[] {
  const index = file.streams.findIndex((s) => s.codec_type === 'video');
  const times = file.packets
    .filter((p) => p.stream_index === index)
    .map((p) => Number(p.pts_time) * 1000)
    .sort((a, b) => a - b);
  const gaps = times.slice(1).map((time, i) => Math.round(time - (times[i] ?? time)));
  return [...new Set(gaps)].sort((a, b) => a - b);
}

/** Every tag ffprobe shows, container and streams, as "key=value". */
/** Strings of the source or the encoder that must never reach a published file. */
export const FORBIDDEN_BYTES = [
  'x264',
  'Lavf',
  'Lavc',
  'Apple',
  'iPhone',
  '+37.7749',
  'Core Media',
  '2024-05-01',
];

/** The tags beyond the generic stream labels every MP4 muxer writes: none should be left. */
export function unexpectedTags(file: ProbedFile): string[] {
  return allTags(file).filter(
    (tag) =>
      !/^(language=und|handler_name=(Video|Sound)Handler|vendor_id=\[0\]\[0\]\[0\]\[0\]|major_brand|minor_version|compatible_brands)/.test(
        tag,
      ),
  );
}

export function allTags(file: ProbedFile): string[] {
  const entries = [file.format.tags ?? {}, ...file.streams.map((s) => s.tags ?? {})].flatMap(
    (tags) => Object.entries(tags),
  );
  return entries.map(([key, value]) => `${key}=${value}`);
}

/** Side data types on the video stream (a "Display Matrix" would mean a rotation flag). */
export function sideDataTypes(stream: ProbedStream): string[] {
  const list = Array.isArray(stream.side_data_list) ? (stream.side_data_list as Json[]) : [];
  return list.map((entry) => String(entry.side_data_type));
}

export type TranscodedClip = { plan: LadderPlan; result: TranscodeResult; outputDir: string };

/** inspect → plan → the one-pass transcode into a fresh temp directory, as the server does. */
export async function transcodeClip(
  clipPath: string,
  onRenditionUpdate?: TranscodeOptions['onRenditionUpdate'],
): Promise<TranscodedClip> {
  const tools = locateFfmpeg();
  const inspection = await inspectSource(clipPath, tools);
  if (!inspection.isAccepted) throw new Error(`${clipPath} was refused: ${inspection.message}`);
  const plan = planLadder(inspection.probe);
  const outputDir = await mkdtemp(path.join(os.tmpdir(), 'shortwave-transcode-'));
  const result = await transcodeLadder({
    ffmpegPath: tools.ffmpegPath,
    inputPath: clipPath,
    outputDir,
    plan,
    onRenditionUpdate,
  });
  return { plan, result, outputDir };
}
