import { LANGUAGES, type Language } from './i18n';
import { useT } from './use-t';

/** Buttons for each language, Korean first, each named in its own language; the current one is pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useT();
  const current = (i18n.resolvedLanguage ?? i18n.language) as Language;
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={current === lang}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
