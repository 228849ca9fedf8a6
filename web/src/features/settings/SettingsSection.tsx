// One titled block of the Settings page.
import { useId, type ReactNode } from 'react';
import { joinClassNames } from '../../ui/classNames';
import styles from './SettingsPage.module.css';

export function SettingsSection({
  title,
  description,
  isDanger = false,
  children,
}: {
  title: string;
  description?: ReactNode;
  isDanger?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      className={joinClassNames(styles.section, isDanger && styles.danger)}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className={styles.sectionTitle}>
        {title}
      </h2>
      {description && <p className={styles.sectionText}>{description}</p>}
      {children}
    </section>
  );
}
