import { useT } from '../../i18n/use-t';

/** A moment in Korea time, in the page's language, with the zone named ("KST"). */
export function KstTime({ value }: { value: string }) {
  const { i18n } = useT();
  const at = Date.parse(value);
  if (Number.isNaN(at)) return <>{value}</>;
  const text = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Seoul',
  }).format(at);
  return <time dateTime={value}>{`${text} KST`}</time>;
}
