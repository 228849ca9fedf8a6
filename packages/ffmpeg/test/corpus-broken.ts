// The broken, hostile and unsupported files an upload endpoint meets: DRM, cut-off uploads,
// lying headers, pictures and noise named .mp4, empty files.
import { createHash } from 'node:crypto';
import { deriveFile, makeWithFfmpeg, writeCorpusFile } from './corpus-cache.js';
import { dropMediaData, moovEnd } from './corpus-mp4.js';
import { aac, h264, makeClip, picture, sound } from './corpus-sources.js';

/** Common Encryption (cenc-aes-ctr) as ffmpeg's mov muxer writes it: a DRM-protected MP4. */
export function makeEncryptedClip(): Promise<string> {
  return makeWithFfmpeg('encrypted', 'mp4', [
    ...picture(360, 640, 30, 1),
    ...sound(1),
    ...h264,
    ...aac,
    ...['-encryption_scheme', 'cenc-aes-ctr'],
    ...['-encryption_key', '76a6c65c5ea762046bd749a2e632ccbb'],
    ...['-encryption_kid', 'a7e61c373e219033c21091fa607bf3b8'],
  ]);
}

/** moov before mdat (faststart), the layout the damaged files below start from. */
function makeFastStartClip(): Promise<string> {
  return makeWithFfmpeg('faststart', 'mp4', [
    ...picture(360, 640, 30, 3),
    ...sound(3),
    ...h264,
    ...aac,
    ...['-movflags', '+faststart'],
  ]);
}

/** The first 60% of a file: mdat says it is longer than what is there. */
export function makeTruncatedClip(): Promise<string> {
  return deriveFile('truncated', 'mp4', makeFastStartClip(), (bytes) =>
    bytes.subarray(0, Math.floor(bytes.length * 0.6)),
  );
}

/** moov at the end (ffmpeg's default layout), cut 64 bytes before the end of moov. */
export function makeMoovCutClip(): Promise<string> {
  return deriveFile('moov-cut', 'mp4', makeClip(), (bytes) =>
    bytes.subarray(0, moovEnd(bytes) - 64),
  );
}

/** Consistent boxes, half the media data: the header claims frames the file does not hold. */
export function makeOverclaimingClip(): Promise<string> {
  return deriveFile('overclaiming', 'mp4', makeFastStartClip(), (bytes) =>
    dropMediaData(bytes, 0.5),
  );
}

/** A PNG picture named .mp4. */
export function makePngNamedMp4(): Promise<string> {
  return makeWithFfmpeg('png-named-mp4', 'mp4', [
    ...picture(360, 640, 1, 1),
    ...['-frames:v', '1', '-c:v', 'png', '-f', 'image2'],
  ]);
}

/** 64 KiB of noise named .mp4 (SHA-256 in counter mode: the same bytes every run). */
export function makeRandomBytesFile(): Promise<string> {
  const blocks = Array.from({ length: 2048 }, (_, i) =>
    createHash('sha256').update(String(i)).digest(),
  );
  return writeCorpusFile('random-bytes', 'mp4', Buffer.concat(blocks));
}

/** A zero-byte .mp4. */
export function makeEmptyFile(): Promise<string> {
  return writeCorpusFile('empty', 'mp4', Buffer.alloc(0));
}
