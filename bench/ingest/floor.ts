// The floor of the ingest benchmark: the same ladder as Shortwave's plan (sizes, bitrates, preset,
// keyframe interval, segment length) made by ONE plain ffmpeg command written the textbook way
// (split + -var_stream_map + -master_pl_name), with nothing Shortwave adds (no frame-rate or
// pixel-format normalisation, no poster or sprite, no metadata scrubbing, no progress), so it
// measures ffmpeg itself.
//
// ffmpeg 4.1 crashes (SIGSEGV, empty master playlist) when -master_pl_name writes the master
// playlist at the end: with a VOD playlist type, or an input that fits in one segment. So the
// floor uses an EVENT playlist (like Shortwave) and wants inputs longer than one segment.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTool } from '@shortwave/ffmpeg';
import type { LadderPlan } from '@shortwave/ffmpeg';

export type FloorOptions = {
  ffmpegPath: string;
  inputPath: string;
  /** The plan Shortwave made for this input: the floor makes the same renditions. */
  plan: LadderPlan;
  /** Where to write; a fresh temp directory, removed afterwards, when absent. */
  outputDir?: string;
  signal?: AbortSignal;
};

export function buildFloorArgs(plan: LadderPlan, inputPath: string, outputDir: string): string[] {
  const { renditions, gopFrames } = plan;
  const hasAudio = plan.input.audioStreamIndex !== null;
  const graph = [
    `[0:v:0]split=${renditions.length}${renditions.map((_, i) => `[s${i}]`).join('')}`,
    ...renditions.map((r, i) => `[s${i}]scale=${r.width}:${r.height}[v${i}]`),
  ].join(';');
  return [
    ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', inputPath],
    ...['-filter_complex', graph],
    ...renditions.flatMap((r, i) => [
      ...['-map', `[v${i}]`],
      ...(hasAudio ? ['-map', '0:a:0'] : []),
      ...[`-b:v:${i}`, `${r.videoBitrateKbps}k`, `-maxrate:v:${i}`, `${r.maxrateKbps}k`],
      ...[`-bufsize:v:${i}`, `${r.bufsizeKbps}k`],
      ...(hasAudio && r.audioBitrateKbps !== null ? [`-b:a:${i}`, `${r.audioBitrateKbps}k`] : []),
    ]),
    ...['-c:v', 'libx264', '-preset', plan.encoder.preset, '-profile:v', plan.encoder.profile],
    ...['-g', String(gopFrames), '-keyint_min', String(gopFrames), '-sc_threshold', '0'],
    ...(hasAudio ? ['-c:a', 'aac', '-ac', String(plan.input.audioChannels), '-ar', '48000'] : []),
    ...['-f', 'hls', '-hls_time', String(plan.segmentSeconds), '-hls_playlist_type', 'event'],
    ...['-hls_segment_type', 'fmp4', '-hls_flags', 'independent_segments'],
    ...['-hls_segment_filename', path.join(outputDir, 'stream_%v', 'data%d.m4s')],
    ...['-master_pl_name', 'master.m3u8'],
    '-var_stream_map',
    renditions.map((_, i) => (hasAudio ? `v:${i},a:${i}` : `v:${i}`)).join(' '),
    path.join(outputDir, 'stream_%v', 'playlist.m3u8'),
  ];
}

/** Runs the floor command once and returns its wall time in ms. */
export async function measureFloorMs(options: FloorOptions): Promise<number> {
  const outputDir =
    options.outputDir ?? (await mkdtemp(path.join(os.tmpdir(), 'shortwave-floor-')));
  try {
    const args = buildFloorArgs(options.plan, options.inputPath, outputDir);
    const startedAt = performance.now();
    await runTool(options.ffmpegPath, args, { signal: options.signal });
    return Math.round(performance.now() - startedAt);
  } finally {
    if (!options.outputDir) await rm(outputDir, { recursive: true, force: true });
  }
}
