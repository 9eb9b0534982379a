import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formatters for the current language (Intl), recreated when the language changes. */
export interface UiFormat {
  lang: string;
  dateTime(iso: string): string;
  date(iso: string): string;
  /** A calendar day given as YYYY-MM-DD (UTC, as the hub's usage counters), without shifting it to the local zone. */
  day(yyyyMmDd: string): string;
  number(value: number): string;
  /** An amount in an ISO 4217 currency; the plain number with the code when the code is unknown. */
  money(amount: number, currency: string): string;
}

export function useUiFormat(): UiFormat {
  const { i18n } = useTranslation('maru-ui');
  const lang = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => createUiFormat(lang), [lang]);
}

export function createUiFormat(lang: string): UiFormat {
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(lang);
  const safe = (format: Intl.DateTimeFormat, iso: string) => {
    const value = new Date(iso);
    return Number.isNaN(value.getTime()) ? iso : format.format(value);
  };
  return {
    lang,
    dateTime: (iso) => safe(dateTime, iso),
    date: (iso) => safe(date, iso),
    day: (yyyyMmDd) => safe(day, `${yyyyMmDd}T00:00:00.000Z`),
    number: (value) => number.format(value),
    money: (amount, currency) => {
      try {
        return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
      } catch {
        return `${number.format(amount)} ${currency}`;
      }
    },
  };
}
