import { useT } from '../../i18n/use-t';

/** How often a dataset is brought up to date, in words: "매일", "6시간마다", "요청할 때만". */
export function RefreshText({ minutes }: { minutes: number | null }) {
  const { t } = useT();
  if (!minutes) return <>{t('dataset.refreshOnDemand')}</>;
  if (minutes % 1440 === 0) {
    const days = minutes / 1440;
    return <>{days === 1 ? t('dataset.refreshDaily') : t('dataset.refreshDays', { count: days })}</>;
  }
  if (minutes % 60 === 0) return <>{t('dataset.refreshHours', { count: minutes / 60 })}</>;
  return <>{t('dataset.refreshMinutes', { count: minutes })}</>;
}
