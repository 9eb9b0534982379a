import { useT } from '../../i18n/use-t';
import { formatKst } from './kst';

/** A `<time>` in Korea time with "KST" shown; a dash when there is no moment. */
export function KstTime({ value }: { value: string | null | undefined }) {
  const { i18n } = useT();
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatKst(value, i18n.language)}</time>;
}
