import { useId, useState } from 'react';

/** The banner's texts, in the page's language. */
export interface OfficialBannerTexts {
  /** "이 누리집은 대한민국 공식 전자정부 누리집입니다." */
  statement: string;
  /** The button that opens how to recognise an official site, e.g. "공식 누리집 확인 방법". */
  howToTell: string;
  /** How to recognise one: e.g. its go.kr address, its secure connection. */
  signs: ReadonlyArray<{ title: string; body: string }>;
}

/**
 * KRDS's official banner (공식 배너), above everything on a government site: it says the site is an official one and
 * opens to explain how to tell. The whole line is the disclosure button, so it stays one line on a phone.
 */
export function OfficialBanner({ texts }: { texts: OfficialBannerTexts }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <div className="maru-masthead">
      <div className="maru-masthead__inner">
        <button
          type="button"
          className="maru-masthead__toggle"
          aria-expanded={open}
          aria-controls={panel}
          onClick={() => setOpen(!open)}
        >
          <TaegeukMark />
          <span className="maru-masthead__statement">{texts.statement}</span>
          <span className="maru-masthead__how">
            {texts.howToTell}
            <span className="maru-masthead__chevron" aria-hidden="true">
              {open ? '▴' : '▾'}
            </span>
          </span>
        </button>
      </div>
      <div id={panel} className="maru-masthead__panel" hidden={!open}>
        <ul className="maru-masthead__signs">
          {texts.signs.map((sign) => (
            <li key={sign.title}>
              <strong>{sign.title}</strong>
              <p>{sign.body}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A small taegeuk (the flag's red and blue circle), a decoration beside the statement. */
function TaegeukMark() {
  return (
    <svg
      className="maru-masthead__mark"
      viewBox="0 0 20 20"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="10" cy="10" r="10" fill="#0047a0" />
      <path d="M0 10a10 10 0 0 1 20 0a5 5 0 0 1-10 0a5 5 0 0 0-10 0z" fill="#cd2e3a" />
    </svg>
  );
}
