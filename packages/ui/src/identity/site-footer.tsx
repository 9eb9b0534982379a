import type { ReactNode } from 'react';
import { MaruLink } from '../common/link';
import type { LinkRenderer } from '../common/link';

/** One link of the footer's policy list. `emphasised`: the privacy policy, set apart as KRDS asks. */
export interface FooterLink {
  href: string;
  label: string;
  emphasised?: boolean;
}

export interface SiteFooterProps {
  /** The region's name for assistive technology, e.g. "누리집 정보". */
  label: string;
  /** The operator's name; left out when none is configured. */
  operatorName?: string | null | undefined;
  /** Lines about the operator, e.g. ["주소 …", "연락처 …"]. */
  details?: ReadonlyArray<{ term: string; value: string }>;
  /** Policy pages and contact, in order (privacy first). */
  links: readonly FooterLink[];
  /** The name of the links' list, e.g. "누리집 정책". */
  linksLabel: string;
  /** The last line, e.g. "© 행정안전부" or what the product says about itself. */
  note?: ReactNode;
  renderLink?: LinkRenderer | undefined;
}

/** KRDS's footer: the policy links (the privacy policy emphasised), the operator's address and contact. */
export function SiteFooter({
  label,
  operatorName,
  details = [],
  links,
  linksLabel,
  note,
  renderLink,
}: SiteFooterProps) {
  return (
    <div className="maru-site-footer" role="group" aria-label={label}>
      {links.length ? (
        <ul className="maru-site-footer__links" aria-label={linksLabel}>
          {links.map((link) => (
            <li key={link.href} className={link.emphasised ? 'maru-site-footer__link--emphasised' : undefined}>
              <MaruLink href={link.href} renderLink={renderLink}>
                {link.label}
              </MaruLink>
            </li>
          ))}
        </ul>
      ) : null}
      {operatorName ? <p className="maru-site-footer__operator">{operatorName}</p> : null}
      {details.length ? (
        <dl className="maru-site-footer__details">
          {details.map((detail) => (
            <div key={detail.term}>
              <dt>{detail.term}</dt>
              <dd>{detail.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {note ? <p className="maru-site-footer__note">{note}</p> : null}
    </div>
  );
}
