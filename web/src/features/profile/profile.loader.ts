// Fetches the profile a /@handle address names, while the page's code is still downloading.
// An unknown handle is an answer (a not-found page), not an error.
import { ApiProblem, unwrap, type Schemas } from '@shortwave/api-client';
import { data, type LoaderFunctionArgs } from 'react-router';
import { api } from '../../api/client';

export type ProfilePageData =
  { kind: 'profile'; profile: Schemas['Profile'] } | { kind: 'no-such-account'; handle: string };

export async function loadProfilePage({ params }: LoaderFunctionArgs): Promise<ProfilePageData> {
  const segment = params.profilePath ?? '';
  // Not a profile address at all: the app's not-found page (see RouteErrorPage).
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-router's way to a 404
  if (!segment.startsWith('@') || segment.length < 2) throw data(null, { status: 404 });
  const handle = segment.slice(1);
  try {
    const profile = await unwrap(
      api.GET('/api/v1/accounts/{handle}', { params: { path: { handle } } }),
    );
    return { kind: 'profile', profile };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404)
      return { kind: 'no-such-account', handle };
    throw error;
  }
}
