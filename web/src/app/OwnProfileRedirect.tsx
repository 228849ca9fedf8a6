// /me: the Profile tab's address before we know who you are; it becomes /@your.handle.
import { Navigate } from 'react-router';
import { useSession } from '../api/useSession';

export function OwnProfileRedirect() {
  const { account } = useSession();
  return account ? <Navigate to={`/@${account.handle}`} replace /> : null;
}
