// Once signed in (just now, or already when the page opened), /login and /signup move on to
// the page you were heading for.
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/useSession';
import { readNextPath } from './nextPath';

export function useLeaveIfSignedIn() {
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const isSignedIn = session.status === 'signed-in';
  useEffect(() => {
    if (isSignedIn) void navigate(readNextPath(search), { replace: true });
  }, [isSignedIn, navigate, search]);
}
