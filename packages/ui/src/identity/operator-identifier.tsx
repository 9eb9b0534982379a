export interface OperatorIdentifierProps {
  /** The operator's name, e.g. "행정안전부". */
  name: string;
  /** The sentence around it, e.g. "이 누리집은 행정안전부가 운영합니다." (the caller words it in its language). */
  statement: string;
  /** The label of the region, e.g. "운영기관". */
  label: string;
  /** The operator's own website: the name links to it. */
  url?: string | null | undefined;
}

/**
 * KRDS's operator identifier (운영기관 식별자): which agency runs this site, with its emblem's place and name, above the
 * footer.
 */
export function OperatorIdentifier({ name, statement, label, url }: OperatorIdentifierProps) {
  return (
    <section className="maru-identifier" aria-label={label}>
      <span className="maru-identifier__emblem" aria-hidden="true">
        {Array.from(name)[0]}
      </span>
      <div className="maru-identifier__text">
        <p className="maru-identifier__name">
          {url ? (
            <a href={url} rel="noopener noreferrer">
              {name}
            </a>
          ) : (
            name
          )}
        </p>
        <p className="maru-identifier__statement">{statement}</p>
      </div>
    </section>
  );
}
