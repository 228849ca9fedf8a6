// The Settings page's list of logins and tokens, reloaded after anything that changes it.
import { useCallback, useEffect, useState } from 'react';
import { describeProblem } from '../../api/problems';
import { listSessions, type SessionSummary } from './settings.api';

export type SessionsList =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; sessions: SessionSummary[] };

export function useSessionsList() {
  const [list, setList] = useState<SessionsList>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    listSessions().then(
      (sessions) => isCurrent && setList({ status: 'ready', sessions }),
      (error: unknown) =>
        isCurrent && setList({ status: 'failed', message: describeProblem(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const drop = useCallback((id: string) => {
    setList((current) =>
      current.status === 'ready'
        ? { status: 'ready', sessions: current.sessions.filter((session) => session.id !== id) }
        : current,
    );
  }, []);

  return { list, reload, drop };
}
