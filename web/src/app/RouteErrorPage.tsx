// Shown when a page fails to load. A 404 from a route is the not-found page; anything else is
// usually a new version deployed while this tab still asks for the old page code, or the server
// being unreachable, so reloading is the fix.
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { describeProblem } from '../api/problems';
import { Button, ButtonLink } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { usePageTitle } from '../ui/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <BrokenPage error={error} />;
}

function BrokenPage({ error }: { error: unknown }) {
  usePageTitle('Something went wrong');
  return (
    <EmptyState
      icon="alert"
      title="This page could not be shown"
      headingLevel={1}
      action={
        <>
          <Button onClick={() => window.location.reload()}>Reload</Button>
          <ButtonLink to="/" variant="secondary" reloadDocument>
            Go home
          </ButtonLink>
        </>
      }
    >
      {describeProblem(error)}
    </EmptyState>
  );
}
