// Cleans up after a worker that died mid-transcode: its ffmpeg keeps running as an orphan and its
// scratch directory stays behind. A scratch directory is <videoId>/<attempt>; when that attempt
// is no longer the video's live attempt in this process, its processes are killed and it goes.
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { VideosService } from '../videos/index.js';

/** Attempts this process is running right now; their directories are never touched. */
export const liveAttempts = new Set<string>();

export async function reapAbandonedScratch(
  scratchDir: string,
  videos: VideosService,
  log: Logger,
): Promise<number> {
  let reaped = 0;
  for (const videoId of await listDir(scratchDir)) {
    const video = await videos.findById(videoId).catch(() => undefined);
    for (const attempt of await listDir(path.join(scratchDir, videoId))) {
      if (liveAttempts.has(attempt)) continue;
      const isCurrentElsewhere =
        video?.state === 'processing' &&
        video.processingAttempt === attempt &&
        !isOwnedByDeadLocalProcess(video.processingOwner);
      if (isCurrentElsewhere) continue;
      const dir = path.join(scratchDir, videoId, attempt);
      const killed = await killProcessesUsing(dir);
      await rm(dir, { recursive: true, force: true });
      reaped++;
      log.warn(
        { videoId, attempt, killedProcesses: killed },
        'abandoned scratch directory removed',
      );
    }
    await rmdir(path.join(scratchDir, videoId)).catch(() => undefined); // only when empty
  }
  return reaped;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

function isOwnedByDeadLocalProcess(owner: string | null): boolean {
  const pid = Number(owner?.split(':')[1]);
  if (!Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Kills every process whose command line names a file under `dir` (Linux /proc). */
async function killProcessesUsing(dir: string): Promise<number> {
  let killed = 0;
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.split('\0').some((arg) => arg.startsWith(`${dir}${path.sep}`) || arg === dir))
      continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed++;
    } catch {
      // already gone
    }
  }
  return killed;
}
