import { createInstance, type i18n as I18n, type TOptions } from 'i18next';
import { UI_NAMESPACE, uiResources } from '../i18n/resources';

/**
 * The i18next instance of the stories and their tests. No fallback language and
 * a missing-key handler that logs an error: a text missing in one language fails
 * the story test (console errors fail it, see .storybook/preview.tsx).
 */
export const storyI18n: I18n = createInstance();
void storyI18n.init({
  lng: 'en',
  fallbackLng: false,
  supportedLngs: ['en', 'ko'],
  ns: [UI_NAMESPACE],
  defaultNS: UI_NAMESPACE,
  resources: uiResources,
  interpolation: { escapeValue: false },
  initAsync: false,
  saveMissing: true,
  missingKeyHandler: (languages, namespace, key) => console.error(`Missing text ${namespace}:${key} for ${languages.join(', ')}`),
});

/** A text in the story's current language, for play functions: they then pass in Korean and English alike. */
export const tr = (key: string, options?: TOptions): string => storyI18n.t(key, options);
