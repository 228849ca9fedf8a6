// A new token's secret, shown exactly once: copy it now or create another later.
import { useEffect, useId, useRef, useState } from 'react';
import type { Schemas } from '@shortwave/api-client';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import styles from './SettingsPage.module.css';

export function NewTokenPanel({
  token,
  onDone,
}: {
  token: Schemas['CreatedToken'];
  onDone: () => void;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'select'>('idle');

  useEffect(() => inputRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopyState('copied');
    } catch {
      // No clipboard access (plain-HTTP origin, or denied): select it for a manual copy.
      inputRef.current?.select();
      setCopyState('select');
    }
  };

  return (
    <div className={styles.newToken} role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className={styles.newTokenTitle}>
        Token “{token.label}” created
      </p>
      <p id={`${id}-warning`} className={styles.sectionText}>
        Copy it now. For your safety it won’t be shown again.
      </p>
      <label htmlFor={`${id}-value`} className="visually-hidden">
        Your new API token
      </label>
      <input
        id={`${id}-value`}
        ref={inputRef}
        className={styles.tokenValue}
        value={token.token}
        readOnly
        aria-describedby={`${id}-warning`}
        onFocus={(event) => event.target.select()}
        spellCheck={false}
      />
      <div className={styles.newTokenActions}>
        <Button onClick={() => void copy()}>
          <Icon name={copyState === 'copied' ? 'check' : 'copy'} size={20} />
          {copyState === 'copied' ? 'Copied' : 'Copy token'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <p className={styles.status} role="status">
        {copyState === 'copied' && 'Copied to the clipboard.'}
        {copyState === 'select' &&
          'Copying is blocked here. The token is selected: copy it yourself.'}
      </p>
    </div>
  );
}
