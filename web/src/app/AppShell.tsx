// The frame around every page: a phone-width column (full-bleed on phones), the page in the
// middle, the tab bar at the bottom. After a navigation, focus moves to the new page so
// keyboard and screen-reader users start at its top.
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import styles from './AppShell.module.css';
import { NavigationProgress } from './NavigationProgress';
import { TabBar } from './TabBar';

export function AppShell() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    const main = mainRef.current;
    if (!main) return;
    main.scrollTop = 0;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    } else {
      main.focus({ preventScroll: true });
    }
  }, [pathname]);

  return (
    <div className={styles.shell}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Move focus without adding #main to the address.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <NavigationProgress />
      <main id="main" ref={mainRef} className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
      <TabBar />
    </div>
  );
}
