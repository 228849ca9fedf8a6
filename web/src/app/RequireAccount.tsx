// Pages under this route need an account. Logged-out visitors go to log in and come back here
// afterwards (?next=); someone who just logged out here goes home; while the session is still
// being asked for, nothing is decided.
import { useEffect, useRef } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { loadSession } from '../api/session';
import { useSession } from '../api/useSession';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { LoadingMessage } from '../ui/LoadingMessage';

export function RequireAccount() {
  const session = useSession();
  const location = useLocation();
  // Set after a render that was signed in, so the render that sees the log-out can read it.
  const wasSignedInHere = useRef(false);
  useEffect(() => {
    if (session.status === 'signed-in') wasSignedInHere.current = true;
  });
  switch (session.status) {
    case 'signed-in':
      return <Outlet />;
    case 'signed-out': {
      if (wasSignedInHere.current && session.reason === 'logged-out')
        return <Navigate to="/" replace />;
      const next = encodeURIComponent(`${location.pathname}${location.search}`);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    case 'loading':
      return <LoadingMessage />;
    case 'unreachable':
      return (
        <EmptyState
          icon="alert"
          title="Shortwave could not be reached"
          headingLevel={1}
          action={<Button onClick={() => void loadSession()}>Try again</Button>}
        >
          Check your connection and try again.
        </EmptyState>
      );
  }
}
