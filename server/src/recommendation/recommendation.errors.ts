// The For You capability's problem types.
import { AppError } from '../platform/errors.js';

export const unknownVideos = (videoIds: string[]) =>
  new AppError({
    type: 'unknown-videos',
    kind: 'invalid',
    title: 'Some events name videos you cannot see',
    detail:
      'No event of this batch was recorded. Drop the events of the videos listed in unknownVideoIds and send the rest again.',
    extensions: { unknownVideoIds: videoIds },
  });

export const anonymousIdRequired = () =>
  new AppError({
    type: 'anonymous-id-required',
    kind: 'invalid',
    title: 'Signed out: send your anonymousId',
    detail: 'Signed-out visitors identify themselves with the random anonymousId their app keeps.',
  });

export const watchHistoryEntryNotFound = () =>
  new AppError({
    type: 'watch-history-entry-not-found',
    kind: 'not-found',
    title: 'This video is not in your watch history',
  });

export const creatorNotHidden = () =>
  new AppError({
    type: 'creator-not-hidden',
    kind: 'not-found',
    title: 'You have not hidden this creator',
  });
