// The building blocks of the corpus: lavfi sources and the encoders the clips are made with.
import { makeWithFfmpeg } from './corpus-cache.js';

export type ClipOptions = {
  durationSeconds?: number;
  width?: number;
  height?: number;
  fps?: number;
  hasAudio?: boolean;
};

export const picture = (width: number, height: number, fps: number, seconds: number) => [
  ...['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`],
];
export const sound = (seconds: number) => [
  ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
];
export const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
export const aac = ['-c:a', 'aac', '-b:a', '96k'];

/** An H.264 + AAC MP4 from the camera test pattern; 360x640 portrait, 2 s, 30 fps by default. */
export function makeClip(options: ClipOptions = {}): Promise<string> {
  const { durationSeconds = 2, width = 360, height = 640, fps = 30, hasAudio = true } = options;
  const name = `clip-${width}x${height}-${fps}fps-${durationSeconds}s${hasAudio ? '' : '-silent'}`;
  return makeWithFfmpeg(name, 'mp4', [
    ...picture(width, height, fps, durationSeconds),
    ...(hasAudio ? sound(durationSeconds) : []),
    ...h264,
    ...(hasAudio ? aac : []),
  ]);
}
