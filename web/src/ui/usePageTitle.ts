// Names the page in the browser tab and history, and for screen readers after a navigation.
import { useEffect } from 'react';

export function usePageTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · Shortwave` : 'Shortwave';
  }, [title]);
}
