// Probes an uploaded file with ffprobe (streams, format, the first seconds of packets) and, for
// MP4/MOV, with a look at its boxes (truncation, encryption). Uploads are untrusted, so ffprobe
// may only read local files and only through demuxers that open nothing else.
import path from 'node:path';
import { EXPLAINABLE_CONTAINERS, VIDEO_CONTAINERS } from './containers.js';
import { inspectIsoBmff } from './iso-bmff.js';
import { parseProbeOutput } from './probe.parse.js';
import type { MediaProbe } from './probe.types.js';
import { runTool } from './run.js';

/** Packets of the first seconds are enough to see a variable frame rate. */
const PACKET_WINDOW_SECONDS = 10;

export type ProbeOptions = {
  ffprobePath: string;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
};

export function buildProbeArgs(filePath: string): string[] {
  return [
    '-v',
    'error',
    '-protocol_whitelist',
    'file',
    '-format_whitelist',
    [...VIDEO_CONTAINERS, ...EXPLAINABLE_CONTAINERS].join(','),
    '-show_format',
    '-show_streams',
    '-show_entries',
    'packet=stream_index,pts,duration,flags',
    '-read_intervals',
    `%+${PACKET_WINDOW_SECONDS}`,
    '-of',
    'json',
    // file: so a name with a colon is never read as another protocol.
    `file:${path.resolve(filePath)}`,
  ];
}

/** Rejects with FfmpegError (kind 'exit') when ffprobe cannot read the file at all. */
export async function probeMedia(filePath: string, options: ProbeOptions): Promise<MediaProbe> {
  const { stdout } = await runTool(options.ffprobePath, buildProbeArgs(filePath), {
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  const probe = parseProbeOutput(JSON.parse(stdout));
  if (!probe.container.split(',').includes('mov')) return probe;
  const boxes = await inspectIsoBmff(filePath);
  return {
    ...probe,
    isEncrypted: probe.isEncrypted || boxes.isEncrypted,
    isTruncated: boxes.isTruncated,
  };
}
