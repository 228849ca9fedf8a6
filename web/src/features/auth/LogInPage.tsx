// Log in with handle and password, then go back to the page that asked for an account.
import { Link, useSearchParams } from 'react-router';
import { normaliseHandleInput } from '../../api/accountRules';
import { explainProblem } from '../../api/problems';
import { logIn } from '../../api/session';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { PasswordField } from '../../ui/PasswordField';
import { TextField } from '../../ui/TextField';
import { useForm } from '../../ui/useForm';
import { AuthLayout } from './AuthLayout';
import styles from './AuthLayout.module.css';
import { withNextPath } from './nextPath';
import { useLeaveIfSignedIn } from './useLeaveIfSignedIn';

const FIELDS = ['handle', 'password'] as const;

export function LogInPage() {
  const [search] = useSearchParams();
  useLeaveIfSignedIn();
  const form = useForm({
    initialValues: { handle: '', password: '' },
    check: (values) => ({
      handle: normaliseHandleInput(values.handle) ? null : 'Enter your handle.',
      password: values.password ? null : 'Enter your password.',
    }),
    explainError: (error) => explainProblem(error, FIELDS),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    await logIn({ handle: normaliseHandleInput(values.handle), password: values.password });
  });

  const isRedirected = search.has('next');
  return (
    <AuthLayout
      title="Log in to Shortwave"
      pageTitle="Log in"
      intro={
        isRedirected
          ? 'Log in to continue. You’ll go right back to where you were.'
          : 'Welcome back. Your feed, profile and settings are waiting.'
      }
      footer={
        <>
          Don’t have an account? <Link to={withNextPath('/signup', search)}>Sign up</Link>
        </>
      }
    >
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          {...form.fieldProps('handle')}
          label="Handle"
          prefix="@"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
        />
        <PasswordField
          {...form.fieldProps('password')}
          label="Password"
          autoComplete="current-password"
          required
        />
        <FormAlert message={form.formError} />
        <Button type="submit" isWide isPending={form.isPending}>
          {form.isPending ? 'Logging in…' : 'Log in'}
        </Button>
      </form>
    </AuthLayout>
  );
}
