// Turns an uploaded source into a published HLS ladder: take the lease, fetch the source, probe,
// validate, run the one ffmpeg pass while publishing segments as they appear, then a single-file
// MP4 of one rendition, the poster and thumbnails, the subtitles if any, then ready. Idempotent: a crash anywhere leaves a stale lease, and the next attempt
// starts over under a new revision; the old one is deleted.
import { rm, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  buildThumbnailVtt,
  chooseSubtitles,
  inspectSource,
  measureRenditionBandwidth,
  planLadder,
  transcodeLadder,
  type FfmpegTools,
  type LadderPlan,
  type SourceLimits,
  type SubtitleStreamFacts,
} from '@shortwave/ffmpeg';
import type { Logger } from 'pino';
import type { BlobStore } from '../platform/blobs/index.js';
import { videoBlobPrefix, type VideosService } from '../videos/index.js';
import { HlsPublisher } from './hls-publisher.js';
import { publishProgressive } from './progressive-publisher.js';
import { liveAttempts } from './scratch-reaper.js';
import { publishSubtitles } from './subtitles-publisher.js';

/** A lease not renewed for this long belongs to a dead worker. */
export const LEASE_STALE_MS = 30_000;
const HEARTBEAT_MS = 2_000;

export type ProcessVideoDeps = {
  videos: VideosService;
  blobs: BlobStore;
  tools: FfmpegTools;
  limits: SourceLimits;
  scratchDir: string;
  log: Logger;
};

/** Identifies this worker process in leases: host and pid. */
export const workerIdentity = () => `${os.hostname()}:${process.pid}`;

export class ProcessingFailure extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export type ProcessVideoJob = {
  videoId: string;
  /** Set by the sweeper when the lease holder is known dead: take over at once. */
  takeOverFrom?: string;
};

export async function processVideo(
  deps: ProcessVideoDeps,
  job: ProcessVideoJob,
  isLastAttempt: boolean,
): Promise<void> {
  const { videoId } = job;
  const lease = await deps.videos.startProcessingAttempt(
    videoId,
    workerIdentity(),
    new Date(Date.now() - LEASE_STALE_MS),
    job.takeOverFrom,
  );
  if (!lease) return; // deleted, done, or another live worker has it
  const { video, attempt } = lease;
  const log = deps.log.child({ videoId, attempt });
  const workDir = path.join(deps.scratchDir, videoId, attempt);
  const abort = new AbortController();
  const startedAt = Date.now();
  liveAttempts.add(attempt);
  let percent = 0;

  // Renew the lease and report progress; stop ffmpeg the moment the attempt is no longer ours
  // (the video was deleted, or a sweep gave it to another worker).
  const heartbeat = setInterval(() => {
    void deps.videos.heartbeat(videoId, attempt, percent).then(
      (isCurrent) => isCurrent || abort.abort(),
      (error: unknown) => log.warn({ err: error }, 'heartbeat failed'),
    );
  }, HEARTBEAT_MS);

  try {
    const sourcePath = path.join(workDir, 'source');
    if (!video.sourceKey || !(await deps.blobs.download(video.sourceKey, sourcePath))) {
      throw new ProcessingFailure(
        'source-missing',
        'The uploaded file is missing. Please upload it again.',
      );
    }
    const { plan, subtitleStream } = await inspectAndPlan(deps, sourcePath, abort.signal);
    await deps.videos.recordSourceFacts(videoId, attempt, {
      durationMs: plan.durationMs,
      width: plan.renditions[0]!.width,
      height: plan.renditions[0]!.height,
    });
    log.info(
      { renditions: plan.renditions.map((r) => r.name), durationMs: plan.durationMs },
      'transcoding',
    );

    const keyPrefix = `${videoBlobPrefix(video)}${attempt}/`;
    const publisher = new HlsPublisher(deps.blobs, plan, keyPrefix);
    const result = await transcodeLadder({
      ffmpegPath: deps.tools.ffmpegPath,
      inputPath: sourcePath,
      outputDir: path.join(workDir, 'out'),
      plan,
      signal: abort.signal,
      onProgress: (progress) => (percent = progress.percent ?? percent),
      // Called one at a time, in order; a failure here stops ffmpeg.
      onRenditionUpdate: async (update) => {
        if (!(await publisher.publish(update))) return;
        const renditions = publisher.playableRenditions();
        await publisher.writeMaster(renditions);
        if (!(await deps.videos.publishPlayable(videoId, attempt, renditions))) abort.abort();
        log.info(
          { elapsedMs: Date.now() - startedAt, rendition: update.name },
          'rendition playable',
        );
      },
    });
    if (result.renditions.some((r) => !r.hasEnded))
      throw new Error('ffmpeg finished but a playlist has no end');
    log.info({ elapsedMs: Date.now() - startedAt, ffmpegMs: result.elapsedMs }, 'ladder written');

    // The real peak and average bitrates, now that every segment exists (RFC 8216 §4.3.4.2).
    const measured = new Map(
      await Promise.all(
        result.renditions.map(async (r) => {
          const segments = await Promise.all(
            r.playlist.segments.map(async (s) => ({
              durationSeconds: s.durationSeconds,
              sizeBytes: (await stat(path.join(r.paths.dir, s.uri))).size,
            })),
          );
          return [r.name, measureRenditionBandwidth(segments)] as const;
        }),
      ),
    );
    const ladder = publisher.playableRenditions(measured);
    await publisher.writeMaster(ladder);
    const renditions = await publishProgressive({
      ffmpegPath: deps.tools.ffmpegPath,
      blobs: deps.blobs,
      renditions: ladder,
      written: result.renditions,
      keyPrefix,
      signal: abort.signal,
      log,
    });
    log.info({ elapsedMs: Date.now() - startedAt }, 'single-file MP4 published');
    const images = await publishImages(deps.blobs, plan, result, keyPrefix);
    const subtitles = await publishSubtitles({
      ffmpegPath: deps.tools.ffmpegPath,
      blobs: deps.blobs,
      sourcePath,
      stream: subtitleStream,
      workDir,
      keyPrefix,
      signal: abort.signal,
      log,
    });
    const videoPrefix = videoBlobPrefix(video);
    // Earlier attempts' files (a crash, a retry) go once this one is ready.
    const obsolete = [
      ...new Set(
        (await deps.blobs.list(videoPrefix)).map(
          (key) => key.slice(videoPrefix.length).split('/')[0]!,
        ),
      ),
    ]
      .filter((revision) => revision !== attempt && revision !== 'source')
      .map((revision) => `${videoPrefix}${revision}/`);
    const isReady = await deps.videos.markReady(
      videoId,
      attempt,
      { renditions, ...images, subtitles },
      obsolete,
    );
    log.info({ elapsedMs: Date.now() - startedAt, isReady }, 'processing finished');
  } catch (error) {
    if (abort.signal.aborted) {
      log.info('processing stopped: the attempt is no longer current');
      return;
    }
    if (error instanceof ProcessingFailure) {
      await deps.videos.markFailed(videoId, attempt, { code: error.code, reason: error.reason });
      return;
    }
    if (isLastAttempt) {
      log.error({ err: error }, 'processing failed on the last attempt');
      await deps.videos.markFailed(videoId, attempt, {
        code: 'processing-failed',
        reason: 'We could not convert this video. The file may be damaged; try exporting it again.',
      });
      return;
    }
    throw error;
  } finally {
    clearInterval(heartbeat);
    await rm(workDir, { recursive: true, force: true });
    await rmdir(path.dirname(workDir)).catch(() => undefined); // only when empty
    liveAttempts.delete(attempt);
  }
}

async function inspectAndPlan(
  deps: ProcessVideoDeps,
  sourcePath: string,
  signal: AbortSignal,
): Promise<{ plan: LadderPlan; subtitleStream: SubtitleStreamFacts | undefined }> {
  // Infrastructure failures (ffprobe missing, a timeout) throw and are retried; a file that is
  // not an acceptable video gets a verdict, which is final.
  const inspection = await inspectSource(sourcePath, {
    ...deps.tools,
    limits: deps.limits,
    signal,
  });
  if (!inspection.isAccepted) throw new ProcessingFailure(inspection.reason, inspection.message);
  return { plan: planLadder(inspection.probe), subtitleStream: chooseSubtitles(inspection.probe) };
}

/** Poster and sprite (WebP from ffmpeg, no metadata) and the sprite's WebVTT map. */
async function publishImages(
  blobs: BlobStore,
  plan: LadderPlan,
  result: { posterPath: string; spritePath: string },
  keyPrefix: string,
) {
  const posterKey = `${keyPrefix}poster.webp`;
  const thumbnailsKey = `${keyPrefix}thumbnails.webp`;
  const thumbnailsVttKey = `${keyPrefix}thumbnails.vtt`;
  // Relative to the VTT file's own URL, which sits beside the sprite.
  const vtt = buildThumbnailVtt({
    ...plan.thumbnails,
    durationMs: plan.durationMs,
    spriteUrl: 'thumbnails.webp',
  });
  await blobs.putFile(posterKey, result.posterPath, 'image/webp');
  await blobs.putFile(thumbnailsKey, result.spritePath, 'image/webp');
  await blobs.put(thumbnailsVttKey, Buffer.from(vtt), 'text/vtt; charset=utf-8');
  return { posterKey, thumbnailsKey, thumbnailsVttKey };
}
