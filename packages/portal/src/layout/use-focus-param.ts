import { useEffect } from 'react';
import { useSearchParams } from 'react-router';

/** Scrolls to and focuses the element `?focus=<id>` names once it is on the page (links from a challenge to a dataset or service). */
export function useFocusParam(prefix: string, ready: boolean): string | null {
  const [params] = useSearchParams();
  const focus = params.get('focus');
  useEffect(() => {
    if (!ready || !focus) return;
    const element = document.getElementById(`${prefix}${focus}`);
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  }, [prefix, focus, ready]);
  return focus;
}
