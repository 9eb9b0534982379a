import { useTranslation } from 'react-i18next';
import type { en } from './en';
import { PORTAL_NAMESPACE } from './i18n';

type Plain<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? Base
  : K;
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${Plain<K>}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the portal's texts, so a typo or a missing text fails the typecheck. */
export type MessageKey = Paths<typeof en>;

/** `t` for the portal's own texts, checked against src/i18n/en.ts. */
export function useT() {
  const { t, i18n } = useTranslation(PORTAL_NAMESPACE);
  return { t: (key: MessageKey, options?: Record<string, unknown>): string => t(key, options ?? {}), i18n };
}
