import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_NAMESPACE, uiResources } from '@maru/ui';
import { en } from './en';
import { ko } from './ko';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
export const PORTAL_NAMESPACE = 'portal';
const STORAGE = 'maru.lang';

/** The stored choice, else the browser's first language we speak, else English. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE);
  if (stored === 'en' || stored === 'ko') return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko' || base === 'en') return base;
  }
  return 'en';
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
