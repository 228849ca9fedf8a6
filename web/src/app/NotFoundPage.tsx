// The page for addresses that lead nowhere; it always offers a way home.
import { ButtonLink } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { usePageTitle } from '../ui/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <EmptyState
      icon="compass"
      title="This page doesn’t exist"
      headingLevel={1}
      action={
        <>
          <ButtonLink to="/">Go home</ButtonLink>
          <ButtonLink to="/discover" variant="secondary">
            Discover
          </ButtonLink>
        </>
      }
    >
      The link may be broken, or the page may have been removed.
    </EmptyState>
  );
}
