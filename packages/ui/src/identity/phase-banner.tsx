import type { ReactNode } from 'react';

export interface PhaseBannerProps {
  /** The phase's tag, e.g. "데모" or "베타". */
  tag: string;
  /** What it means for the reader, e.g. "시연용 누리집입니다. 자료는 모두 가상입니다." */
  children: ReactNode;
  /** `demo` is set apart more strongly than `beta`: nothing on a demo site is real. */
  phase?: 'demo' | 'beta';
}

/** The phase banner (GOV.UK's pattern, which KRDS sites use for trial services): under the header while not live. */
export function PhaseBanner({ tag, children, phase = 'beta' }: PhaseBannerProps) {
  return (
    <div className={`maru-phase-banner maru-phase-banner--${phase}`}>
      <p className="maru-phase-banner__text">
        <strong className="maru-phase-banner__tag">{tag}</strong> <span>{children}</span>
      </p>
    </div>
  );
}
