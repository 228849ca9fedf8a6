// API tokens for other apps and scripts: create one (its secret is shown once, with a copy
// button), see which exist, revoke any.
import { useState } from 'react';
import type { Schemas } from '@shortwave/api-client';
import { checkTokenLabel, countUserText, TOKEN_LABEL_MAX } from '../../api/accountRules';
import { describeProblem, explainProblem } from '../../api/problems';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { RelativeTime } from '../../ui/RelativeTime';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { useForm } from '../../ui/useForm';
import { NewTokenPanel } from './NewTokenPanel';
import { createToken, endSession, type SessionSummary } from './settings.api';
import { SettingsSection } from './SettingsSection';
import styles from './SettingsPage.module.css';
import type { useSessionsList } from './useSessionsList';

export function TokensSection({
  sessionsList,
}: {
  sessionsList: ReturnType<typeof useSessionsList>;
}) {
  const [created, setCreated] = useState<Schemas['CreatedToken'] | null>(null);
  const form = useForm({
    initialValues: { label: '' },
    check: (values) => ({ label: checkTokenLabel(values.label) }),
    explainError: (error) => explainProblem(error, ['label']),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setCreated(await createToken(values.label.trim()));
    form.reset({ label: '' });
    sessionsList.reload();
  });

  const { list } = sessionsList;
  const tokens =
    list.status === 'ready' ? list.sessions.filter((session) => session.kind === 'token') : [];
  return (
    <SettingsSection
      title="API tokens"
      description="Let another app or a script use Shortwave as you. Treat a token like a password."
    >
      {created && <NewTokenPanel token={created} onDone={() => setCreated(null)} />}
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          {...form.fieldProps('label')}
          label="Token name"
          hint="Something you will recognise, like “Upload script”."
          counter={{ count: countUserText(form.values.label), max: TOKEN_LABEL_MAX }}
          autoComplete="off"
        />
        <FormAlert message={form.formError} />
        <Button
          type="submit"
          variant="secondary"
          isPending={form.isPending}
          className={styles.formButton}
        >
          <Icon name="key" size={20} />
          Create token
        </Button>
      </form>
      {tokens.length > 0 && (
        <ul className={styles.list} aria-label="Your API tokens">
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} onRevoked={() => sessionsList.drop(token.id)} />
          ))}
        </ul>
      )}
    </SettingsSection>
  );
}

function TokenRow({ token, onRevoked }: { token: SessionSummary; onRevoked: () => void }) {
  const showToast = useToast();
  const [isPending, setIsPending] = useState(false);
  const revoke = async () => {
    setIsPending(true);
    try {
      await endSession(token.id);
      onRevoked();
      showToast(`Token “${token.label}” revoked`);
    } catch (error) {
      showToast(describeProblem(error));
      setIsPending(false);
    }
  };
  return (
    <li className={styles.row}>
      <span className={styles.rowIcon}>
        <Icon name="key" />
      </span>
      <div className={styles.rowText}>
        <p className={styles.rowTitle}>{token.label}</p>
        <p className={styles.rowMeta}>
          Last used <RelativeTime at={token.lastUsedAt} />
        </p>
        <p className={styles.rowMeta}>
          Created <RelativeTime at={token.createdAt} />
        </p>
      </div>
      <Button variant="secondary" isSmall isPending={isPending} onClick={() => void revoke()}>
        Revoke<span className="visually-hidden"> {token.label}</span>
      </Button>
    </li>
  );
}
