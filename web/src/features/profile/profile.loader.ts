// Fetches the profile a /@handle address names, with its counts and how you are connected, while
// the page's code is still downloading. An unknown handle is an answer (a not-found page), not an
// error; so is an account hidden from you (suspended, or a block either way).
import { ApiProblem, unwrap, type Schemas } from '@shortwave/api-client';
import { data, type LoaderFunctionArgs } from 'react-router';
import { api } from '../../api/client';
import { getStats, type ProfileStats } from './profile.api';

export type ProfilePageData =
  | { kind: 'profile'; profile: Schemas['Profile']; stats: ProfileStats }
  | { kind: 'no-such-account'; handle: string };

/** The handle of a "/@handle" path segment; anything else is the app's not-found page. */
export function readProfileHandle(segment: string | undefined): string {
  const value = segment ?? '';
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-router's way to a 404
  if (!value.startsWith('@') || value.length < 2) throw data(null, { status: 404 });
  return value.slice(1);
}

export async function loadProfilePage({ params }: LoaderFunctionArgs): Promise<ProfilePageData> {
  const handle = readProfileHandle(params.profilePath);
  try {
    const [profile, stats] = await Promise.all([
      unwrap(api.GET('/api/v1/accounts/{handle}', { params: { path: { handle } } })),
      getStats(handle),
    ]);
    return { kind: 'profile', profile, stats };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404)
      return { kind: 'no-such-account', handle };
    throw error;
  }
}
