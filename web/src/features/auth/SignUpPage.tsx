// Sign up: handle, optional display name, password. The handle's rules are checked as you type;
// a taken or reserved handle comes back from the server onto the handle field.
import { Link, useSearchParams } from 'react-router';
import {
  checkDisplayName,
  checkHandle,
  checkNewPassword,
  countUserText,
  DISPLAY_NAME_MAX,
  HANDLE_MAX,
  HANDLE_MIN,
  normaliseHandleInput,
} from '../../api/accountRules';
import { explainProblem } from '../../api/problems';
import { signUp } from '../../api/session';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { PasswordField } from '../../ui/PasswordField';
import { TextField } from '../../ui/TextField';
import { useForm } from '../../ui/useForm';
import { useToast } from '../../ui/Toast';
import { AuthLayout } from './AuthLayout';
import styles from './AuthLayout.module.css';
import { withNextPath } from './nextPath';
import { useLeaveIfSignedIn } from './useLeaveIfSignedIn';

const FIELDS = ['handle', 'displayName', 'password'] as const;

export function SignUpPage() {
  const [search] = useSearchParams();
  const showToast = useToast();
  useLeaveIfSignedIn();
  const form = useForm({
    initialValues: { handle: '', displayName: '', password: '' },
    check: (values) => ({
      handle: checkHandle(values.handle),
      displayName: checkDisplayName(values.displayName),
      password: checkNewPassword(values.password),
    }),
    explainError: (error) =>
      explainProblem(error, FIELDS, {
        '/problems/handle-taken': 'handle',
        '/problems/handle-reserved': 'handle',
      }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const displayName = values.displayName.trim();
    await signUp({
      handle: normaliseHandleInput(values.handle),
      password: values.password,
      ...(displayName ? { displayName } : {}),
    });
    showToast('Welcome to Shortwave!');
  });

  return (
    <AuthLayout
      title="Sign up for Shortwave"
      pageTitle="Sign up"
      intro="Create a profile, follow creators and post your own short videos."
      footer={
        <>
          Already have an account? <Link to={withNextPath('/login', search)}>Log in</Link>
        </>
      }
    >
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          {...form.fieldProps('handle')}
          label="Handle"
          prefix="@"
          hint={`${HANDLE_MIN}–${HANDLE_MAX} letters, digits, “_” or “.”. It’s your address: /@handle.`}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
        />
        <TextField
          {...form.fieldProps('displayName')}
          label="Display name (optional)"
          hint="The name shown on your profile. You can change it later."
          counter={{ count: countUserText(form.values.displayName), max: DISPLAY_NAME_MAX }}
          autoComplete="nickname"
        />
        <PasswordField
          {...form.fieldProps('password')}
          label="Password"
          hint="At least 8 characters."
          autoComplete="new-password"
          required
        />
        <FormAlert message={form.formError} />
        <Button type="submit" isWide isPending={form.isPending}>
          {form.isPending ? 'Signing up…' : 'Sign up'}
        </Button>
      </form>
    </AuthLayout>
  );
}
