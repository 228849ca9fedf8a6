// Caption, who can watch, comments: what the upload form and "Edit video" both ask, with the
// state and error handling both share (useVideoDetailsForm). Hashtags and mentions are found in
// the caption by the server.
import { useId, useRef, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { countUserText } from '../../api/accountRules';
import { explainProblem } from '../../api/problems';
import { TextField } from '../../ui/TextField';
import styles from './VideoDetailsFields.module.css';
import type { VideoDetails, Visibility } from './videos.api';

/** server/src/videos/caption.ts: MAX_CAPTION_LENGTH. */
export const CAPTION_MAX = 2200;

export const DEFAULT_DETAILS: VideoDetails = {
  caption: '',
  visibility: 'public',
  commentsEnabled: true,
};

const AUDIENCES: { value: Visibility; label: string; description: string }[] = [
  {
    value: 'public',
    label: 'Everyone',
    description: 'Anyone can watch it, in For You and on your profile.',
  },
  { value: 'followers', label: 'Followers', description: 'Only people who follow you.' },
  { value: 'private', label: 'Only you', description: 'Nobody else can watch it.' },
];

const FIELDS = ['caption', 'visibility', 'commentsEnabled'] as const;

function checkCaption(caption: string): string | null {
  return countUserText(caption) > CAPTION_MAX ? `Use at most ${CAPTION_MAX} characters.` : null;
}

type FieldsProps = {
  details: VideoDetails;
  onChange: (details: VideoDetails) => void;
  captionError: string | null;
  captionRef: Ref<HTMLTextAreaElement>;
};

/**
 * The details being edited, and `submit(save)`: checks the caption here first, then saves; the
 * server's refusal lands on the caption or above the buttons (`formError`).
 */
export function useVideoDetailsForm(initialDetails: VideoDetails) {
  const [details, setDetails] = useState(initialDetails);
  const [captionError, setCaptionError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const captionRef = useRef<HTMLTextAreaElement>(null);

  const submit = async (save: (details: VideoDetails) => Promise<void>) => {
    if (isPending) return;
    const localError = checkCaption(details.caption);
    if (localError) {
      // Render the message first, so the field's description already holds it on focus.
      flushSync(() => setCaptionError(localError));
      captionRef.current?.focus();
      return;
    }
    setIsPending(true);
    setFormError(null);
    try {
      await save(details);
    } catch (error) {
      const { fieldErrors, formError: general } = explainProblem(error, FIELDS);
      setCaptionError(fieldErrors.caption ?? null);
      setFormError(general ?? fieldErrors.visibility ?? fieldErrors.commentsEnabled ?? null);
    } finally {
      setIsPending(false);
    }
  };

  const fieldsProps: FieldsProps = {
    details,
    captionError,
    captionRef,
    onChange: (next) => {
      setDetails(next);
      setCaptionError(null);
      setFormError(null);
    },
  };
  return { details, fieldsProps, formError, isPending, submit };
}

export function VideoDetailsFields({ details, onChange, captionError, captionRef }: FieldsProps) {
  const id = useId();
  return (
    <>
      <TextField
        isMultiline
        rows={3}
        label="Caption"
        placeholder="Describe your video"
        value={details.caption}
        onValueChange={(caption) => onChange({ ...details, caption })}
        hint="#hashtags and @mentions help people find it."
        counter={{ count: countUserText(details.caption), max: CAPTION_MAX }}
        error={captionError}
        ref={captionRef}
      />
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Who can watch</legend>
        {AUDIENCES.map((audience) => (
          <div key={audience.value} className={styles.option}>
            <input
              id={`${id}-${audience.value}`}
              className={styles.radio}
              type="radio"
              name={`${id}-visibility`}
              value={audience.value}
              checked={details.visibility === audience.value}
              onChange={() => onChange({ ...details, visibility: audience.value })}
              aria-describedby={`${id}-${audience.value}-description`}
            />
            <label htmlFor={`${id}-${audience.value}`} className={styles.optionLabel}>
              {audience.label}
            </label>
            <p id={`${id}-${audience.value}-description`} className={styles.optionDescription}>
              {audience.description}
            </p>
          </div>
        ))}
      </fieldset>
      <div className={styles.switchRow}>
        <label htmlFor={`${id}-comments`} className={styles.optionLabel}>
          Allow comments
        </label>
        <input
          id={`${id}-comments`}
          className={styles.switch}
          type="checkbox"
          role="switch"
          checked={details.commentsEnabled}
          onChange={(event) => onChange({ ...details, commentsEnabled: event.target.checked })}
        />
      </div>
    </>
  );
}
