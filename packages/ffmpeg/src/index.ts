// @shortwave/ffmpeg: ladder planning and ffmpeg argument building (pure), and the one runner that
// spawns ffmpeg/ffprobe. Used by the server's media capability and by bench/.
export { locateFfmpeg, ensureExecutable } from './locate.js';
export type { FfmpegTools, LocatedTools, ToolOverrides, ToolSource } from './locate.js';

export { runTool, FfmpegError } from './run.js';
export type { FfmpegErrorKind, RunOptions, RunResult } from './run.js';
export { createProgressParser } from './progress.js';
export type { ToolProgress } from './progress.js';

export { probeMedia, buildProbeArgs } from './probe.js';
export { parseProbeOutput } from './probe.parse.js';
export type {
  AudioStreamFacts,
  HdrTransfer,
  MediaProbe,
  Rational,
  SubtitleStreamFacts,
  VideoStreamFacts,
} from './probe.types.js';

export { validateSource, formatDuration, DEFAULT_LIMITS } from './validate.js';
export type { RejectionReason, SourceLimits, SourceRejection, SourceVerdict } from './validate.js';
export { checkDecodable, buildDecodeCheckArgs } from './decode-check.js';
export { inspectSource } from './inspect.js';
export type { InspectOptions, SourceInspection } from './inspect.js';

export { planLadder, SEGMENT_SECONDS, MAX_FRAME_RATE, X264_PRESET } from './ladder.js';
export type { ColorTags, LadderOptions, LadderPlan, Rendition } from './ladder.js';
export { chooseFrameRate, formatRational } from './frame-rate.js';
export { planThumbnails, buildThumbnailVtt } from './thumbnails.js';
export type { ThumbnailPlan, ThumbnailVttInput } from './thumbnails.js';

export { buildFilterGraph } from './filter-graph.js';
export {
  buildTranscodeArgs,
  planOutputPaths,
  PLAYLIST_NAME,
  INIT_NAME,
  SEGMENT_NAME_PATTERN,
  POSTER_FILE,
  SPRITE_FILE,
} from './transcode-args.js';
export type { RenditionPaths, TranscodeIo, TranscodeOutputs } from './transcode-args.js';
export { transcodeLadder } from './transcode.js';
export type { RenditionUpdate, TranscodeOptions, TranscodeResult } from './transcode.js';
export { scrubInitSegment, eraseUserData } from './iso-bmff.js';
export { chooseProgressiveRendition, PROGRESSIVE_FILE, remuxToProgressive } from './progressive.js';
export { chooseSubtitles, extractSubtitles, SUBTITLES_FILE } from './subtitles.js';

export { buildMasterPlaylist, parseMediaPlaylist, measureRenditionBandwidth } from './playlist.js';
export type {
  MasterPlaylistEntry,
  MediaPlaylist,
  MediaSegment,
  RenditionBandwidth,
} from './playlist.js';
