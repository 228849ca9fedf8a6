// /admin/moderation: the open reports, oldest first. Each can be dismissed, or acted on (remove
// the video or comment, suspend its author), always with a reason: it is recorded, and shown to
// the author when their content is removed or their account suspended.
import { useState } from 'react';
import { Link } from 'react-router';
import { explainProblem } from '../../api/problems';
import { useCursorPages } from '../../api/useCursorPages';
import { useSession } from '../../api/useSession';
import { Button, ButtonLink } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ListProblem } from '../../ui/ListProblem';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { PageHeader } from '../../ui/PageHeader';
import { PagedListFooter } from '../../ui/PagedListFooter';
import { RelativeTime } from '../../ui/RelativeTime';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { decide, listOpenReports, type Decision, type Report } from './moderation.api';
import styles from './ModerationPage.module.css';

const REASON_MAX = 1000;

const DECISIONS: Record<Decision, { verb: string; done: string }> = {
  dismiss: { verb: 'Dismiss report', done: 'Report dismissed' },
  'remove-content': { verb: 'Remove content', done: 'Content removed' },
  'suspend-account': { verb: 'Suspend account', done: 'Account suspended' },
};

export function ModerationPage() {
  const { account } = useSession();
  if (!account?.isAdmin) {
    return (
      <>
        <PageHeader title="Moderation" />
        <EmptyState
          icon="shield"
          title="For administrators only"
          action={<ButtonLink to="/">Go home</ButtonLink>}
        >
          The report queue is open to this server’s administrators.
        </EmptyState>
      </>
    );
  }
  return <ReportQueue />;
}

function ReportQueue() {
  const pages = useCursorPages('reports', listOpenReports);
  const [deciding, setDeciding] = useState<{ report: Report; decision: Decision } | null>(null);
  return (
    <>
      <PageHeader title="Moderation" />
      <h2 className={styles.queueTitle}>Open reports</h2>
      {pages.status === 'loading' && <LoadingMessage text="Loading reports…" />}
      {pages.status === 'failed' && (
        <ListProblem message={pages.error ?? ''} onRetry={pages.reload} />
      )}
      {pages.status === 'ready' && pages.items.length === 0 && (
        <EmptyState icon="check" title="Nothing to review">
          Reports people send about videos, comments and accounts appear here, oldest first.
        </EmptyState>
      )}
      <ul className={styles.queue}>
        {pages.items.map((report) => (
          <ReportCard
            key={report.id}
            report={report}
            onDecide={(decision) => setDeciding({ report, decision })}
          />
        ))}
      </ul>
      <PagedListFooter
        hasMore={pages.hasMore}
        isLoadingMore={pages.isLoadingMore}
        error={pages.status === 'ready' ? pages.error : null}
        onLoadMore={pages.loadMore}
      />
      {deciding && (
        <DecisionDialog
          report={deciding.report}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={() => {
            const { report, decision } = deciding;
            setDeciding(null);
            // Dismissing closes every open report on the same subject; so does acting on it.
            pages.update((items) =>
              items.filter((item) =>
                decision === 'suspend-account'
                  ? item.subject.account.id !== report.subject.account.id
                  : item.subject.id !== report.subject.id,
              ),
            );
          }}
        />
      )}
    </>
  );
}

function describeSubject(report: Report): string {
  switch (report.subject.kind) {
    case 'video':
      return `Video by @${report.subject.account.handle}`;
    case 'comment':
      return `Comment by @${report.subject.account.handle}`;
    case 'account':
      return `Account @${report.subject.account.handle}`;
  }
}

function ReportCard({
  report,
  onDecide,
}: {
  report: Report;
  onDecide: (decision: Decision) => void;
}) {
  const headingId = `report-${report.id}`;
  const { subject } = report;
  return (
    <li className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subject}>
        {describeSubject(report)}
      </h3>
      <p className={styles.reason}>
        <span className={styles.reasonTag}>{report.reason.replace(/-/g, ' ')}</span>
        <span className={styles.meta}>
          reported by <Link to={`/@${report.reporter.handle}`}>@{report.reporter.handle}</Link>{' '}
          <RelativeTime at={report.createdAt} />
        </span>
      </p>
      {subject.text && <blockquote className={styles.quote}>{subject.text}</blockquote>}
      {report.details && <p className={styles.details}>“{report.details}”</p>}
      <p className={styles.links}>
        {subject.kind === 'video' && <Link to={`/v/${subject.id}`}>Open the video</Link>}
        <Link to={`/@${subject.account.handle}`}>Open @{subject.account.handle}</Link>
      </p>
      <div className={styles.actions}>
        <Button variant="secondary" isSmall onClick={() => onDecide('dismiss')}>
          Dismiss
        </Button>
        {subject.kind !== 'account' && (
          <Button variant="danger" isSmall onClick={() => onDecide('remove-content')}>
            Remove {subject.kind}
          </Button>
        )}
        <Button variant="danger" isSmall onClick={() => onDecide('suspend-account')}>
          Suspend @{subject.account.handle}
        </Button>
      </div>
    </li>
  );
}

function DecisionDialog({
  report,
  decision,
  onClose,
  onDone,
}: {
  report: Report;
  decision: Decision;
  onClose: () => void;
  onDone: () => void;
}) {
  const showToast = useToast();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const { verb, done } = DECISIONS[decision];

  const submit = async () => {
    if (!reason.trim()) {
      setError('Write the reason: it is recorded, and the author sees it.');
      return;
    }
    setIsPending(true);
    setError(null);
    try {
      await decide(report.id, decision, reason.trim());
      showToast(done);
      onDone();
    } catch (decideError) {
      const explained = explainProblem(decideError, ['reason'] as const);
      setError(explained.fieldErrors.reason ?? explained.formError);
      setIsPending(false);
    }
  };

  return (
    <Dialog isOpen onClose={onClose} title={verb}>
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className={styles.meta}>{describeSubject(report)}</p>
        <TextField
          isMultiline
          rows={3}
          label="Reason"
          hint={
            decision === 'dismiss'
              ? 'Recorded in the moderation log.'
              : 'Recorded, and shown to the author.'
          }
          required
          value={reason}
          onValueChange={setReason}
          error={error}
          counter={{ count: reason.length, max: REASON_MAX }}
        />
        <div className={styles.formButtons}>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant={decision === 'dismiss' ? 'primary' : 'danger'}
            isPending={isPending}
          >
            {verb}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
