// Fetches the video a /v/:videoId address names while the page's code is still downloading. A
// video that is missing or hidden from this viewer is an answer (the API says 404 for both, so
// hidden videos stay secret), not an error.
import { ApiProblem } from '@shortwave/api-client';
import type { LoaderFunctionArgs } from 'react-router';
import { describeProblem } from '../../api/problems';
import { getVideo, type Video } from '../upload/videos.api';

export type WatchPageData =
  | { kind: 'video'; video: Video }
  | { kind: 'unavailable'; videoId: string }
  | { kind: 'not-allowed'; videoId: string; reason: string };

export async function loadWatchPage({ params }: LoaderFunctionArgs): Promise<WatchPageData> {
  const videoId = params.videoId ?? '';
  try {
    return { kind: 'video', video: await getVideo(videoId) };
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    // 400: not a video id at all, which is the same as no such video to a visitor.
    if (error.status === 404 || error.status === 400) return { kind: 'unavailable', videoId };
    if (error.status === 403 || error.status === 451)
      return { kind: 'not-allowed', videoId, reason: describeProblem(error) };
    throw error;
  }
}
