// Where to go after logging in or signing up: the ?next= page that sent you here, if it is a
// page of this app (never another site, never back to the log-in form itself).
const AUTH_PAGES = ['/login', '/signup'];

export function readNextPath(search: URLSearchParams): string {
  const next = search.get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const pathname = next.split(/[?#]/)[0] ?? '';
  return AUTH_PAGES.includes(pathname) ? '/' : next;
}

/** A link to the other auth page that keeps the ?next= destination. */
export function withNextPath(pathname: string, search: URLSearchParams): string {
  const next = search.get('next');
  return next ? `${pathname}?next=${encodeURIComponent(next)}` : pathname;
}
