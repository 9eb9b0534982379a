import { en } from './en';
import { ko } from './ko';

/** The i18next namespace of @maru/ui's texts. */
export const UI_NAMESPACE = 'maru-ui';

export type UiLanguage = 'en' | 'ko';

/**
 * Every text of @maru/ui, by language, in the `maru-ui` namespace. Add them to
 * your i18next instance: `init({ resources: { en: { ...uiResources.en, ...yours } } })`
 * or `i18n.addResourceBundle('ko', 'maru-ui', uiResources.ko['maru-ui'])`.
 */
export const uiResources = {
  en: { [UI_NAMESPACE]: en },
  ko: { [UI_NAMESPACE]: ko },
} as const;
