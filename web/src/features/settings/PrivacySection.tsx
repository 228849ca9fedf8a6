// Private account: when on, people must ask to follow you and only approved followers see your
// videos and lists. A switch that saves as soon as it is flipped.
import { unwrap } from '@shortwave/api-client';
import { useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import { describeProblem } from '../../api/problems';
import { Spinner } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { SettingsSection } from './SettingsSection';
import styles from './SettingsPage.module.css';

export function PrivacySection() {
  const id = useId();
  const showToast = useToast();
  const [isPrivate, setIsPrivate] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    unwrap(api.GET('/api/v1/me/privacy')).then(
      (privacy) => isCurrent && setIsPrivate(privacy.isPrivate),
      (loadError: unknown) => isCurrent && setError(describeProblem(loadError)),
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  const change = async (next: boolean) => {
    setIsSaving(true);
    setIsPrivate(next);
    try {
      const saved = await unwrap(api.PUT('/api/v1/me/privacy', { body: { isPrivate: next } }));
      setIsPrivate(saved.isPrivate);
      showToast(saved.isPrivate ? 'Your account is private' : 'Your account is public');
    } catch (saveError) {
      setIsPrivate(!next);
      showToast(describeProblem(saveError));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <SettingsSection
      title="Privacy"
      description="A private account approves each follower; only they see your videos and lists."
    >
      {isPrivate === null ? (
        <p className={styles.status}>
          {error ?? (
            <>
              <Spinner /> Loading…
            </>
          )}
        </p>
      ) : (
        <label className={styles.switchRow} htmlFor={id}>
          <span>
            Private account
            <span className={styles.rowMeta} id={`${id}-state`}>
              {isPrivate ? ' · On' : ' · Off'}
            </span>
          </span>
          <input
            id={id}
            type="checkbox"
            role="switch"
            className={styles.switch}
            checked={isPrivate}
            aria-busy={isSaving || undefined}
            disabled={isSaving}
            onChange={(event) => void change(event.target.checked)}
          />
        </label>
      )}
    </SettingsSection>
  );
}
