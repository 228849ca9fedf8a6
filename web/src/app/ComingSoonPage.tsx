// Tabs whose features arrive later (Discover, Upload, Inbox) say so instead of leading nowhere.
import { ButtonLink } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import type { IconName } from '../ui/Icon';
import { PageHeader } from '../ui/PageHeader';

export function ComingSoonPage({
  title,
  icon,
  explanation,
}: {
  title: string;
  icon: IconName;
  explanation: string;
}) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        icon={icon}
        title="Coming soon"
        action={<ButtonLink to="/">Back to Home</ButtonLink>}
      >
        {explanation}
      </EmptyState>
    </>
  );
}
