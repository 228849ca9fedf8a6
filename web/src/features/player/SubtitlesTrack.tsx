// The subtitles an uploaded file carried, shown over the picture (on by default: most feed
// videos play muted). Cues are lifted to two-thirds down the picture, above the caption, the
// rail and the progress bar that sit over a video's bottom edge.
import { useEffect, useRef } from 'react';
import type { Schemas } from '@shortwave/api-client';

/** Where a cue's box sits, in percent of the picture's height from the top. */
const CUE_LINE_PERCENT = 66;

function liftCues(track: TextTrack): void {
  for (const cue of track.cues ?? []) {
    if (!(cue instanceof VTTCue)) continue;
    cue.snapToLines = false;
    cue.line = CUE_LINE_PERCENT;
  }
}

export function SubtitlesTrack({ subtitles }: { subtitles: Schemas['Video']['subtitles'] }) {
  const trackRef = useRef<HTMLTrackElement>(null);
  useEffect(() => {
    const element = trackRef.current;
    if (!element) return;
    const onLoad = () => liftCues(element.track);
    if (element.readyState === HTMLTrackElement.LOADED) onLoad();
    element.addEventListener('load', onLoad);
    return () => element.removeEventListener('load', onLoad);
  }, [subtitles?.url]);
  if (!subtitles) return null;
  return (
    <track
      ref={trackRef}
      kind="subtitles"
      src={subtitles.url}
      srcLang={subtitles.language ?? undefined}
      label="Subtitles"
      default
    />
  );
}
