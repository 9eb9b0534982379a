import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a narrow screen. The group is focusable
 * and named so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="maru-table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
