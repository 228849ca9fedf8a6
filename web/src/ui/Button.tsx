// Buttons and button-looking links. A pending button keeps its label for screen readers and
// ignores further presses, so a form cannot be sent twice.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import styles from './Button.module.css';
import { joinClassNames } from './classNames';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

type Look = { variant?: ButtonVariant; isWide?: boolean; isSmall?: boolean };

function lookClassName({ variant = 'primary', isWide, isSmall }: Look, extra?: string) {
  return joinClassNames(
    styles.button,
    styles[variant],
    isWide && styles.wide,
    isSmall && styles.small,
    extra,
  );
}

export function Button({
  variant,
  isWide,
  isSmall,
  isPending = false,
  className,
  children,
  type = 'button',
  onClick,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & Look & { isPending?: boolean; children: ReactNode }) {
  return (
    <button
      {...rest}
      type={type}
      className={lookClassName({ variant, isWide, isSmall }, className)}
      aria-disabled={isPending || undefined}
      onClick={(event) => {
        if (isPending) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {isPending && <Spinner size={16} />}
      {children}
    </button>
  );
}

export function ButtonLink({ variant, isWide, isSmall, className, ...rest }: LinkProps & Look) {
  return <Link {...rest} className={lookClassName({ variant, isWide, isSmall }, className)} />;
}
