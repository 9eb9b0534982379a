import { useUiFormat } from '../i18n/use-ui-format';

/** A date (or date and time) in the current language, in a `<time>` element. */
export function DateTime({ value, withTime = true }: { value: string; withTime?: boolean }) {
  const format = useUiFormat();
  return <time dateTime={value}>{withTime ? format.dateTime(value) : format.date(value)}</time>;
}
