import { createInstance, type i18n as I18n } from 'i18next';
import { UI_NAMESPACE, uiResources, type UiLanguage } from './resources';

/**
 * A ready i18next instance holding only @maru/ui's texts, for tests, stories and
 * small apps. Wrap components in `<I18nextProvider i18n={createUiI18n('ko')}>`.
 * Apps with their own instance add `uiResources` to it instead.
 */
export function createUiI18n(lang: UiLanguage = 'en'): I18n {
  const instance = createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ko'],
    ns: [UI_NAMESPACE],
    defaultNS: UI_NAMESPACE,
    resources: uiResources,
    // React escapes text already.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
