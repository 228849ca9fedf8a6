// A determinate progress bar with its name, percent and (optionally) what the percent is of.
import styles from './UploadPage.module.css';

export function ProgressBar({
  label,
  percent,
  detail,
}: {
  label: string;
  percent: number;
  /** e.g. "212 kB of 504 kB"; read with the percent. */
  detail?: string;
}) {
  return (
    <div className={styles.progress}>
      <div
        className={styles.progressTrack}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail ? `${percent}%, ${detail}` : `${percent}%`}
      >
        <span className={styles.progressFill} style={{ width: `${percent}%` }} />
      </div>
      <p className={styles.progressFacts} aria-hidden="true">
        <span className={styles.percent}>{percent}%</span>
        {detail && <span>{detail}</span>}
      </p>
    </div>
  );
}
