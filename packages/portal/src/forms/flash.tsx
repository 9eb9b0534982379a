import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';

/** How long a success message stays: until the next page (default), or through one navigation (`next: true`). */
export interface FlashOptions {
  /** Keep the message through the navigation that follows (flash, then navigate to the page it speaks of). */
  next?: boolean;
}

interface Flash {
  message: string;
  /** Navigations the message still survives. */
  survives: number;
  id: number;
}

interface FlashContextValue {
  flash: Flash | null;
  show: (message: string, options?: FlashOptions) => void;
  dismiss: () => void;
}

const FlashContext = createContext<FlashContextValue | null>(null);

/** Holds the success message of the last action; AppLayout shows it at the top of the page (`SuccessMessage`). */
export function FlashProvider({ children }: { children: ReactNode }) {
  const [flash, setFlash] = useState<Flash | null>(null);
  const counter = useRef(0);
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    // The first run is the page the provider mounted on, not a navigation.
    if (first.current) {
      first.current = false;
      return;
    }
    setFlash((current) => (current && current.survives > 0 ? { ...current, survives: current.survives - 1 } : null));
  }, [location.key]);
  const show = useCallback((message: string, options: FlashOptions = {}) => {
    counter.current += 1;
    setFlash({ message, survives: options.next ? 1 : 0, id: counter.current });
  }, []);
  const dismiss = useCallback(() => setFlash(null), []);
  const value = useMemo(() => ({ flash, show, dismiss }), [flash, show, dismiss]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

/**
 * `flash(message)`: say at the top of the page that an action succeeded (role="status", so screen readers hear it).
 * Outside a FlashProvider (e.g. a page rendered alone in a test) it does nothing.
 */
export function useFlash(): (message: string, options?: FlashOptions) => void {
  return useContext(FlashContext)?.show ?? noop;
}

function noop() {}

/** The live region of success messages; always rendered so that assistive technology hears what appears in it. */
export function SuccessMessage() {
  const context = useContext(FlashContext);
  const flash = context?.flash;
  return (
    <div role="status" className="success-message-region">
      {flash ? (
        <p className="success-message" key={flash.id} data-testid="success-message">
          <span className="success-message__mark" aria-hidden="true">
            ✓
          </span>{' '}
          {flash.message}
        </p>
      ) : null}
    </div>
  );
}
