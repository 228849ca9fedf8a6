// Your profile photo: choosing a file previews it at once and uploads it straight away, with
// progress; "Remove photo" goes back to the letter avatar.
import { useEffect, useId, useState } from 'react';
import { removeAvatar, uploadAvatar } from '../../api/avatar';
import { describeProblem } from '../../api/problems';
import { replaceAccount } from '../../api/session';
import type { Me } from '../../api/sessionStore';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { useToast } from '../../ui/Toast';
import styles from './EditProfilePage.module.css';

type Upload = { previewUrl: string; fraction: number };

export function AvatarEditor({ account }: { account: Me }) {
  const inputId = useId();
  const showToast = useToast();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [isRemoving, setIsRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The preview is a blob: URL; let the browser free it once it is no longer shown.
  const previewUrl = upload?.previewUrl;
  useEffect(() => (previewUrl ? () => URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);

  const onFileChosen = async (file: File) => {
    setError(null);
    const preview = URL.createObjectURL(file);
    setUpload({ previewUrl: preview, fraction: 0 });
    try {
      const updated = await uploadAvatar(file, (fraction) =>
        setUpload((current) => (current ? { ...current, fraction } : current)),
      );
      replaceAccount(updated);
      showToast('Profile photo updated');
    } catch (uploadError) {
      setError(describeProblem(uploadError));
    } finally {
      setUpload(null);
    }
  };

  const onRemove = async () => {
    setError(null);
    setIsRemoving(true);
    try {
      replaceAccount(await removeAvatar());
      showToast('Profile photo removed');
    } catch (removeError) {
      setError(describeProblem(removeError));
    } finally {
      setIsRemoving(false);
    }
  };

  const isBusy = upload !== null || isRemoving;
  const percent = upload ? Math.round(upload.fraction * 100) : 0;
  return (
    <section className={styles.avatarSection} aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="visually-hidden">
        Profile photo
      </h2>
      <div className={styles.avatarFrame} aria-busy={isBusy}>
        <Avatar
          src={upload?.previewUrl ?? account.avatarUrl}
          name={account.displayName}
          size={112}
          alt={upload ? 'New profile photo (uploading)' : 'Current profile photo'}
        />
        {upload && <span className={styles.avatarDim} aria-hidden="true" />}
      </div>
      {upload && (
        <div className={styles.progress}>
          <label htmlFor={`${inputId}-progress`}>Uploading photo… {percent}%</label>
          <progress id={`${inputId}-progress`} max={100} value={percent} />
        </div>
      )}
      <div className={styles.avatarActions}>
        <span className={styles.fileButton} data-disabled={isBusy || undefined}>
          <input
            id={inputId}
            className={styles.fileInput}
            type="file"
            accept="image/*"
            disabled={isBusy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = ''; // choosing the same file again still counts
              if (file) void onFileChosen(file);
            }}
          />
          <label htmlFor={inputId} className={styles.fileLabel}>
            <Icon name="camera" size={20} />
            Change photo
          </label>
        </span>
        {account.avatarUrl && (
          <Button
            variant="ghost"
            isPending={isRemoving}
            disabled={upload !== null}
            onClick={() => void onRemove()}
          >
            Remove photo
          </Button>
        )}
      </div>
      <p className={styles.avatarHint}>JPEG, PNG, WebP or GIF, up to 10 MB.</p>
      <FormAlert message={error} />
    </section>
  );
}
