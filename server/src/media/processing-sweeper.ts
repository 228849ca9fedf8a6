// Finds videos whose processing worker stopped renewing its lease (killed, machine lost) and
// queues them again; a lease held by a dead process on this same host is taken over at once, so
// a restarted worker resumes its own interrupted work without waiting for the lease to go stale.
import os from 'node:os';
import type { Logger } from 'pino';
import type { Queue } from '../platform/queue/index.js';
import { VIDEO_UPLOADED_JOB, type VideosService } from '../videos/index.js';
import { LEASE_STALE_MS, type ProcessVideoJob } from './process-video.js';
import { reapAbandonedScratch } from './scratch-reaper.js';

const SWEEP_INTERVAL_MS = 10_000;

export async function sweepStaleProcessing(
  videos: VideosService,
  queue: Queue,
  log: Logger,
): Promise<number> {
  // Leases a dead process on this host holds count as stale whatever their age.
  const candidates = await videos.listStaleProcessing(new Date(Date.now() + LEASE_STALE_MS));
  let requeued = 0;
  for (const video of candidates) {
    const isStale =
      video.processingHeartbeatAt === null ||
      video.processingHeartbeatAt.getTime() < Date.now() - LEASE_STALE_MS;
    const isOwnerDead = video.processingOwner !== null && isDeadLocalProcess(video.processingOwner);
    if (!isStale && !isOwnerDead) continue;
    const job: ProcessVideoJob = {
      videoId: video.id,
      ...(isOwnerDead && !isStale ? { takeOverFrom: video.processingOwner! } : {}),
    };
    await queue.send(VIDEO_UPLOADED_JOB, job);
    requeued++;
    log.warn(
      { videoId: video.id, owner: video.processingOwner },
      'processing lease abandoned; queued again',
    );
  }
  return requeued;
}

function isDeadLocalProcess(owner: string): boolean {
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Runs the sweep now and every 10 s until stopped (each worker process runs one). */
export function startProcessingSweeper(
  videos: VideosService,
  queue: Queue,
  scratchDir: string,
  log: Logger,
): () => void {
  let isRunning = false;
  const sweep = () => {
    if (isRunning) return;
    isRunning = true;
    reapAbandonedScratch(scratchDir, videos, log)
      .then(() => sweepStaleProcessing(videos, queue, log))
      .catch((error: unknown) => log.warn({ err: error }, 'processing sweep failed'))
      .finally(() => (isRunning = false));
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  return () => clearInterval(timer);
}
