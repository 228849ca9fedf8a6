// The subtitles an uploaded file carried, shown over the picture (on by default: most feed
// videos play muted).
import type { Schemas } from '@shortwave/api-client';

export function SubtitlesTrack({ subtitles }: { subtitles: Schemas['Video']['subtitles'] }) {
  if (!subtitles) return null;
  return (
    <track
      kind="subtitles"
      src={subtitles.url}
      srcLang={subtitles.language ?? undefined}
      label="Subtitles"
      default
    />
  );
}
