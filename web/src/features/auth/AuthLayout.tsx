// The frame of the sign-up and log-in pages: a close button home, a big heading, the form, and
// a link to the other page.
import type { ReactNode } from 'react';
import { IconLink } from '../../ui/IconLink';
import { usePageTitle } from '../../ui/usePageTitle';
import styles from './AuthLayout.module.css';

export function AuthLayout({
  title,
  pageTitle,
  intro,
  children,
  footer,
}: {
  title: string;
  pageTitle: string;
  intro: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  usePageTitle(pageTitle);
  return (
    <div className={styles.page}>
      <div className={styles.bar}>
        <IconLink to="/" icon="close" label="Close and go home" />
      </div>
      <div className={styles.content}>
        <h1 className={styles.title}>{title}</h1>
        <p className={styles.intro}>{intro}</p>
        {children}
      </div>
      <p className={styles.footer}>{footer}</p>
    </div>
  );
}
