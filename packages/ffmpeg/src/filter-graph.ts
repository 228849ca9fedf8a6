// The -filter_complex graph of the one-pass transcode: decode once, bring the picture to 8-bit SDR
// 4:2:0 at the plan's constant frame rate once, then split it into every rendition, the poster
// and the thumbnail sprite. Pure.
import { formatRational } from './frame-rate.js';
import type { LadderPlan } from './ladder.js';

/** Output labels of the graph, mapped by buildTranscodeArgs. */
export const renditionLabel = (index: number) => `[v${index}]`;
export const POSTER_LABEL = '[poster]';
export const SPRITE_LABEL = '[sprite]';

export function buildFilterGraph(plan: LadderPlan): string {
  const renditions = plan.renditions;
  const branches = [...renditions.map((_, i) => `[r${i}]`), '[poster_in]', '[sprite_in]'];
  // ffmpeg has already turned the picture upright (autorotate) before the graph sees it, so
  // the sizes here are display sizes.
  const head = [
    `[0:${plan.input.videoStreamIndex}]${prepareFilters(plan).join(',')}`,
    `split=${branches.length}${branches.join('')}`,
  ].join(',');
  const scaled = renditions.map(
    (r, i) => `[r${i}]${scaleTo(r.width, r.height)}${renditionLabel(i)}`,
  );
  const { poster, thumbnails } = plan;
  // A frame and a half of trim (always at least one frame): once it has passed, trim closes its
  // input and split stops feeding this branch (nothing is scaled for a poster already written).
  const posterWindowSeconds = ((1.5 * plan.frameRate.den) / plan.frameRate.num).toFixed(6);
  const posterChain =
    `[poster_in]trim=start=${poster.atSeconds.toFixed(3)}:duration=${posterWindowSeconds},` +
    'setpts=PTS-STARTPTS,' +
    `${scaleTo(poster.width, poster.height)}${POSTER_LABEL}`;
  const spriteChain =
    `[sprite_in]fps=1/${thumbnails.intervalSeconds},` +
    `${scaleTo(thumbnails.tileWidth, thumbnails.tileHeight)},` +
    `tile=${thumbnails.columns}x${thumbnails.rows}${SPRITE_LABEL}`;
  return [head, ...scaled, posterChain, spriteChain].join(';');
}

/**
 * Constant frame rate first (a VFR phone clip becomes CFR; dropping frames early is cheapest),
 * then the picture format: HDR (PQ or HLG) is tone-mapped to BT.709 SDR through linear light
 * with zimg (ffmpeg's tonemap filter documentation), shrunk to the top rung first so a 4K HDR
 * source is not tone-mapped at full size; anything else, 10-bit SDR included, is converted to
 * yuv420p (a no-op for the usual 8-bit 4:2:0 source).
 */
function prepareFilters(plan: LadderPlan): string[] {
  const fps = `fps=${formatRational(plan.frameRate)}`;
  if (plan.hdrTransfer === null) return [fps, 'format=yuv420p'];
  const top = plan.renditions[0];
  const size = top ? `w=${top.width}:h=${top.height}:` : '';
  return [
    fps,
    `zscale=${size}t=linear:npl=100`,
    'format=gbrpf32le',
    'zscale=p=bt709',
    'tonemap=tonemap=hable:desat=0',
    'zscale=t=bt709:m=bt709:r=tv',
    'format=yuv420p',
  ];
}

/** Square pixels at the exact size: the plan's sizes already account for the source's SAR. */
function scaleTo(width: number, height: number): string {
  return `scale=${width}:${height}:flags=bicubic,setsar=1`;
}
