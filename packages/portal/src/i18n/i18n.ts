import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_NAMESPACE, uiResources } from '@maru/ui';
import { en } from './en';
import { ko } from './ko';

/** Korean first (KRDS): the default, and first in the language switch. */
export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const PORTAL_NAMESPACE = 'portal';
const STORAGE = 'maru.lang';

/**
 * The member's stored choice, else Korean: a Korean government service speaks Korean first, whatever the
 * browser's language (KRDS); English is one press away in the header.
 */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE);
  if (stored === 'en' || stored === 'ko') return stored;
  return 'ko';
}

/** The portal's i18next instance; `<html lang>` and localStorage follow every change of language. */
export function createPortalI18n(lng: Language = initialLanguage()): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: [PORTAL_NAMESPACE, UI_NAMESPACE],
    defaultNS: PORTAL_NAMESPACE,
    // @maru/ui's components read their texts from their own namespace.
    resources: { en: { ...uiResources.en, [PORTAL_NAMESPACE]: en }, ko: { ...uiResources.ko, [PORTAL_NAMESPACE]: ko } },
    // React escapes text already.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lng;
  instance.on('languageChanged', (next) => {
    document.documentElement.lang = next;
    localStorage.setItem(STORAGE, next);
  });
  return instance;
}
