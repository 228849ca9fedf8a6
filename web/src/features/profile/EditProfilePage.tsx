// Edit your profile: photo (saved as soon as it is chosen), display name and bio (saved
// together). Saving takes you to your profile to see the result.
import { useNavigate } from 'react-router';
import {
  BIO_MAX,
  checkBio,
  checkDisplayName,
  countUserText,
  DISPLAY_NAME_MAX,
} from '../../api/accountRules';
import { explainProblem } from '../../api/problems';
import { replaceAccount } from '../../api/session';
import type { Me } from '../../api/sessionStore';
import { useSession } from '../../api/useSession';
import { Button, ButtonLink } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { useForm } from '../../ui/useForm';
import { AvatarEditor } from './AvatarEditor';
import styles from './EditProfilePage.module.css';
import { updateProfile } from './updateProfile';

const FIELDS = ['displayName', 'bio'] as const;

export function EditProfilePage() {
  const { account } = useSession();
  // RequireAccount renders this page only for a signed-in session.
  if (!account) return null;
  return (
    <>
      <PageHeader title="Edit profile" />
      <div className={styles.page}>
        <AvatarEditor account={account} />
        <ProfileTextForm account={account} />
      </div>
    </>
  );
}

function ProfileTextForm({ account }: { account: Me }) {
  const navigate = useNavigate();
  const showToast = useToast();
  const form = useForm({
    initialValues: { displayName: account.displayName, bio: account.bio },
    check: (values) => ({
      displayName:
        countUserText(values.displayName) === 0
          ? 'Enter a display name.'
          : checkDisplayName(values.displayName),
      bio: checkBio(values.bio),
    }),
    explainError: (error) => explainProblem(error, FIELDS),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const updated = await updateProfile({ displayName: values.displayName, bio: values.bio });
    replaceAccount(updated);
    showToast('Profile saved');
    await navigate(`/@${updated.handle}`);
  });

  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2 className="visually-hidden">About you</h2>
      <TextField
        {...form.fieldProps('displayName')}
        label="Display name"
        counter={{ count: countUserText(form.values.displayName), max: DISPLAY_NAME_MAX }}
        autoComplete="nickname"
        required
      />
      <TextField
        {...form.fieldProps('bio')}
        isMultiline
        rows={5}
        label="Bio"
        hint="Line breaks are kept."
        counter={{ count: countUserText(form.values.bio), max: BIO_MAX }}
      />
      <FormAlert message={form.formError} />
      <div className={styles.buttons}>
        <ButtonLink to={`/@${account.handle}`} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" isPending={form.isPending}>
          {form.isPending ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </form>
  );
}
