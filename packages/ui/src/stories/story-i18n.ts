import { createInstance, type i18n as I18n, type TOptions } from 'i18next';
import { UI_NAMESPACE, uiResources, type UiLanguage } from '../i18n/resources';

// One instance per language, so that a docs page showing English and Korean
// stories side by side renders each in its own language.
const instances = new Map<string, I18n>();

/**
 * The i18next instance of the stories in one language. No fallback language and
 * a missing-key handler that logs an error: a text missing in one language fails
 * the story test (console errors fail it, see .storybook/preview.tsx).
 */
export function storyI18n(lang: string): I18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = createInstance();
    void instance.init({
      lng: lang,
      fallbackLng: false,
      supportedLngs: ['en', 'ko'] satisfies UiLanguage[],
      ns: [UI_NAMESPACE],
      defaultNS: UI_NAMESPACE,
      resources: uiResources,
      interpolation: { escapeValue: false },
      initAsync: false,
      saveMissing: true,
      missingKeyHandler: (languages, namespace, key) =>
        console.error(`Missing text ${namespace}:${key} for ${languages.join(', ')}`),
    });
    instances.set(lang, instance);
  }
  return instance;
}

let current = 'en';

/** Set by the preview before each story runs. */
export function setStoryLanguage(lang: string): void {
  current = lang;
}

/** A text in the running story's language, for play functions: they then pass in Korean and English alike. */
export const tr = (key: string, options?: TOptions): string => storyI18n(current).t(key, options);
