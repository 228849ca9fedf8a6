// Runs the one-pass ladder transcode and reports each rendition's playlist as ffmpeg extends it,
// so the caller can publish the lowest rendition at its first segment and each rendition when its
// playlist ends. Every report comes after the rendition's init segment has been scrubbed.
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { scrubInitSegment } from './iso-bmff.js';
import type { LadderPlan } from './ladder.js';
import { parseMediaPlaylist } from './playlist.js';
import type { MediaPlaylist } from './playlist.js';
import type { ToolProgress } from './progress.js';
import { runTool } from './run.js';
import { buildTranscodeArgs, planOutputPaths } from './transcode-args.js';
import type { RenditionPaths } from './transcode-args.js';

export type RenditionUpdate = {
  name: string;
  paths: RenditionPaths;
  /** Segments listed so far; the first one listed means the rendition can be played. */
  segmentCount: number;
  hasEnded: boolean;
  playlist: MediaPlaylist;
};

export type TranscodeOptions = {
  ffmpegPath: string;
  inputPath: string;
  outputDir: string;
  plan: LadderPlan;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  onProgress?: ((progress: ToolProgress) => void) | undefined;
  /** Called, one at a time and in order, whenever a playlist lists more segments or ends. */
  onRenditionUpdate?: ((update: RenditionUpdate) => void | Promise<void>) | undefined;
};

export type TranscodeResult = {
  elapsedMs: number;
  renditions: RenditionUpdate[];
  posterPath: string;
  spritePath: string;
  stderrTail: string;
};

export async function transcodeLadder(options: TranscodeOptions): Promise<TranscodeResult> {
  const { plan, outputDir } = options;
  const outputs = planOutputPaths(plan, outputDir);
  await Promise.all(outputs.renditions.map((paths) => mkdir(paths.dir, { recursive: true })));

  // A failing callback stops ffmpeg: there is no point encoding what cannot be published.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const reporter = createRenditionReporter(outputs.renditions, options.onRenditionUpdate, (error) =>
    stop.abort(error),
  );
  const watchers = outputs.renditions.map((paths, i): FSWatcher => {
    const watcher = watch(paths.dir, () => reporter.check(i));
    watcher.on('error', () => reporter.check(i));
    return watcher;
  });

  try {
    const result = await runTool(options.ffmpegPath, buildTranscodeArgs(plan, options), {
      signal,
      timeoutMs: options.timeoutMs,
      durationMs: plan.durationMs,
      onProgress: options.onProgress,
    });
    for (const watcher of watchers) watcher.close();
    // The last writes may have raced the watchers: read every playlist once more.
    outputs.renditions.forEach((_, i) => reporter.check(i));
    await reporter.settle();
    const failure = reporter.failure();
    if (failure) throw failure;
    return {
      elapsedMs: result.elapsedMs,
      renditions: reporter.latest(),
      posterPath: outputs.posterPath,
      spritePath: outputs.spritePath,
      stderrTail: result.stderrTail,
    };
  } catch (error) {
    for (const watcher of watchers) watcher.close();
    await reporter.settle();
    throw reporter.failure() ?? error;
  }
}

function createRenditionReporter(
  renditions: RenditionPaths[],
  onUpdate: TranscodeOptions['onRenditionUpdate'],
  onFailure: (error: unknown) => void,
) {
  const latest: RenditionUpdate[] = renditions.map((paths) => ({
    name: paths.name,
    paths,
    segmentCount: 0,
    hasEnded: false,
    playlist: parseMediaPlaylist(''),
  }));
  const isQueued = renditions.map(() => false);
  let queue: Promise<void> = Promise.resolve();
  let failure: Error | undefined;

  const report = async (index: number) => {
    isQueued[index] = false;
    const previous = latest[index]!;
    let text: string;
    try {
      text = await readFile(previous.paths.playlistPath, 'utf8');
    } catch {
      return; // not written yet
    }
    const playlist = parseMediaPlaylist(text);
    const segmentCount = playlist.segments.length;
    if (segmentCount <= previous.segmentCount && playlist.hasEnded === previous.hasEnded) return;
    // ffmpeg writes the init segment before the first segment is listed, and never again.
    if (previous.segmentCount === 0) await scrubInitSegment(previous.paths.initPath);
    const update = { ...previous, segmentCount, hasEnded: playlist.hasEnded, playlist };
    latest[index] = update;
    await onUpdate?.(update);
  };

  return {
    check(index: number) {
      if (isQueued[index] || failure) return;
      isQueued[index] = true;
      queue = queue
        .then(() => report(index))
        .catch((error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
          onFailure(failure);
        });
    },
    settle: () => queue,
    latest: () => [...latest],
    failure: () => failure,
  };
}
