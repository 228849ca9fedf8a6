// A list that could not be loaded: what went wrong and a way to try again, never a blank page.
import { Button } from './Button';
import { EmptyState } from './EmptyState';

export function ListProblem({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <EmptyState
      icon="alert"
      title="Couldn’t load this"
      action={
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      {message}
    </EmptyState>
  );
}
