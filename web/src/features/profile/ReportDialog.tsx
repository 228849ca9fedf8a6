// Reporting a video, comment or account to the moderators: a reason from the list, optional
// details, then a confirmation. The person reported is not told who reported them.
import { useId, useState } from 'react';
import { describeProblem } from '../../api/problems';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { fileReport, type ReportReason } from './profile.api';
import styles from './ProfileMenu.module.css';

const REASONS: { value: ReportReason; label: string }[] = [
  { value: 'spam', label: 'Spam or scam' },
  { value: 'harassment', label: 'Harassment or bullying' },
  { value: 'hate', label: 'Hate speech' },
  { value: 'violence', label: 'Violence or threats' },
  { value: 'sexual-content', label: 'Nudity or sexual content' },
  { value: 'child-safety', label: 'Endangers a child' },
  { value: 'self-harm', label: 'Suicide or self-harm' },
  { value: 'misinformation', label: 'False information' },
  { value: 'intellectual-property', label: 'Uses my work without permission' },
  { value: 'illegal', label: 'Something illegal' },
  { value: 'other', label: 'Something else' },
];

const DETAILS_MAX = 1000;

export function ReportDialog({
  isOpen,
  onClose,
  subject,
  title,
}: {
  isOpen: boolean;
  onClose: () => void;
  subject: { kind: 'video' | 'comment' | 'account'; id: string };
  title: string;
}) {
  const groupId = useId();
  const showToast = useToast();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const close = () => {
    setReason(null);
    setDetails('');
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!reason) {
      setError('Choose a reason.');
      return;
    }
    setIsPending(true);
    setError(null);
    try {
      await fileReport({ subject, reason, details: details.trim() });
      showToast('Thanks. The moderators will look at your report.');
      close();
    } catch (reportError) {
      setError(describeProblem(reportError));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <Dialog isOpen={isOpen} onClose={close} title={title}>
      <form
        className={styles.reportForm}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className={styles.reasons} aria-describedby={`${groupId}-hint`}>
          <legend className={styles.legend}>Why are you reporting this?</legend>
          <p id={`${groupId}-hint`} className={styles.hint}>
            Moderators see your report; the person you report does not see who sent it.
          </p>
          {REASONS.map((option) => (
            <label key={option.value} className={styles.reason}>
              <input
                type="radio"
                name={`${groupId}-reason`}
                value={option.value}
                checked={reason === option.value}
                onChange={() => setReason(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        <TextField
          isMultiline
          rows={3}
          label="Details (optional)"
          value={details}
          onValueChange={setDetails}
          counter={{ count: details.length, max: DETAILS_MAX }}
        />
        <FormAlert message={error} />
        <Button type="submit" isWide isPending={isPending} disabled={details.length > DETAILS_MAX}>
          Send report
        </Button>
      </form>
    </Dialog>
  );
}
