// Change your password. The server ends every other login and token when it changes.
import { checkNewPassword } from '../../api/accountRules';
import { explainProblem } from '../../api/problems';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { PasswordField } from '../../ui/PasswordField';
import { useToast } from '../../ui/Toast';
import { useForm } from '../../ui/useForm';
import { UsernameHint } from '../../ui/UsernameHint';
import { changePassword } from './settings.api';
import { SettingsSection } from './SettingsSection';
import styles from './SettingsPage.module.css';

const FIELDS = ['currentPassword', 'newPassword'] as const;
const EMPTY = { currentPassword: '', newPassword: '' };

export function ChangePasswordSection({
  handle,
  onPasswordChanged,
}: {
  handle: string;
  onPasswordChanged: () => void;
}) {
  const showToast = useToast();
  const form = useForm({
    initialValues: EMPTY,
    check: (values) => ({
      currentPassword: values.currentPassword ? null : 'Enter your current password.',
      newPassword:
        checkNewPassword(values.newPassword) ??
        (values.newPassword === values.currentPassword
          ? 'Choose a password different from the current one.'
          : null),
    }),
    explainError: (error) =>
      explainProblem(error, FIELDS, { '/problems/wrong-password': 'currentPassword' }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const endedSessions = await changePassword(values);
    form.reset(EMPTY);
    onPasswordChanged();
    showToast(
      endedSessions === 0
        ? 'Password changed'
        : `Password changed. ${endedSessions} other ${endedSessions === 1 ? 'session was' : 'sessions were'} logged out.`,
    );
  });

  return (
    <SettingsSection
      title="Password"
      description="Changing it logs you out everywhere else and revokes your API tokens."
    >
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
        <UsernameHint handle={handle} />
        <PasswordField
          {...form.fieldProps('currentPassword')}
          label="Current password"
          autoComplete="current-password"
          required
        />
        <PasswordField
          {...form.fieldProps('newPassword')}
          label="New password"
          hint="At least 8 characters."
          autoComplete="new-password"
          required
        />
        <FormAlert message={form.formError} />
        <Button type="submit" isPending={form.isPending} className={styles.formButton}>
          Change password
        </Button>
      </form>
    </SettingsSection>
  );
}
