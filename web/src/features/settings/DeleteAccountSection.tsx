// Deleting the account: a clear warning, then your password in a dialog to confirm.
import { useState } from 'react';
import { explainProblem } from '../../api/problems';
import { forgetSession } from '../../api/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { PasswordField } from '../../ui/PasswordField';
import { useToast } from '../../ui/Toast';
import { useForm } from '../../ui/useForm';
import { UsernameHint } from '../../ui/UsernameHint';
import { deleteAccount } from './settings.api';
import { SettingsSection } from './SettingsSection';
import styles from './SettingsPage.module.css';

export function DeleteAccountSection({ handle }: { handle: string }) {
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <SettingsSection
      title="Delete account"
      isDanger
      description="This deletes your profile, videos, comments and likes for good. It cannot be undone."
    >
      <Button variant="danger" onClick={() => setIsConfirming(true)} className={styles.formButton}>
        Delete account…
      </Button>
      <Dialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Delete your account?"
      >
        <ConfirmDeletion handle={handle} onCancel={() => setIsConfirming(false)} />
      </Dialog>
    </SettingsSection>
  );
}

function ConfirmDeletion({ handle, onCancel }: { handle: string; onCancel: () => void }) {
  const showToast = useToast();
  const form = useForm({
    initialValues: { password: '' },
    check: (values) => ({ password: values.password ? null : 'Enter your password to confirm.' }),
    explainError: (error) =>
      explainProblem(error, ['password'], { '/problems/wrong-password': 'password' }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    await deleteAccount(values.password);
    forgetSession(); // Settings needs an account, so this sends us home.
    showToast('Your account was deleted');
  });

  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className={styles.warning}>
        <p>
          <strong>Everything goes:</strong> your profile, photo, videos, comments, likes, follows
          and every login and API token. This cannot be undone.
        </p>
      </div>
      <UsernameHint handle={handle} />
      <PasswordField
        {...form.fieldProps('password')}
        label="Your password"
        autoComplete="current-password"
        required
      />
      <FormAlert message={form.formError} />
      <div className={styles.dialogButtons}>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" isPending={form.isPending}>
          Delete my account
        </Button>
      </div>
    </form>
  );
}
