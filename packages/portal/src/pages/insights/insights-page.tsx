import { useState } from 'react';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT, type MessageKey } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { InsightFigure } from './insight-figure';
import { InsightsDashboardDocument } from './insights-queries';

const WINDOWS = [30, 90, 365];

/** Dashboards for agency teams (their organization) and platform admins (the whole platform, or their own). */
export function InsightsPage() {
  const { t } = useT();
  usePageTitle(t('insights.title'));
  return (
    <div className="page">
      <SignInRequired>
        <Insights />
      </SignInRequired>
    </div>
  );
}

function Insights() {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer, hasRole } = useSession();
  const platform = hasRole('PLATFORM_ADMIN');
  const [days, setDays] = useState(90);
  const variables = { organizationId: platform ? null : (viewer?.organization.id ?? null), days };
  const { data, loading, error, reload } = useQuery(InsightsDashboardDocument, variables);
  const insights = data?.insights;
  const band = (value: string | null | undefined) =>
    value ? t(`insights.sizeBand.${value}` as MessageKey) : t('insights.unset');
  const region = (value: string | null | undefined) =>
    value ? t(`insights.region.${value}` as MessageKey) : t('insights.unset');
  return (
    <>
      <h1>{t('insights.title')}</h1>
      <p className="maru-lead">
        {platform
          ? t('insights.introPlatform')
          : t('insights.intro', { organization: viewer?.organization.name ?? '' })}
      </p>
      <div className="maru-field form--inline">
        <label className="maru-field__label" htmlFor="insights-window">
          {t('insights.window')}
        </label>
        <select
          id="insights-window"

          value={days}
          onChange={(event) => setDays(Number(event.target.value))}
        >
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              {t('insights.days', { count: w })}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p role="alert">
          {explain(error)}{' '}
          <button type="button" className="maru-button maru-button--link" onClick={reload}>
            {t('common.refresh')}
          </button>
        </p>
      ) : null}
      {loading && !insights ? <p role="status">{t('common.loading')}</p> : null}
      {insights ? (
        <div className="insights" aria-busy={loading}>
          <p className="muted">{t('insights.since', { since: insights.since })}</p>
          <InsightFigure
            name="challenges"
            title={t('insights.challenges')}
            header={[t('insights.col.challenge'), t('insights.col.entries')]}
            rows={insights.participation.challenges.map((c) => [c.title, c.entries])}
            chart={{
              kind: 'bar',
              categories: insights.participation.challenges.map((c) => c.title),
              series: [
                { name: t('insights.col.entries'), values: insights.participation.challenges.map((c) => c.entries) },
              ],
            }}
          />
          <InsightFigure
            name="weeks"
            title={t('insights.weeks')}
            header={[t('insights.col.week'), t('insights.col.submitted')]}
            rows={insights.participation.weeks.map((w) => [w.week, w.submitted])}
            chart={{
              kind: 'line',
              categories: insights.participation.weeks.map((w) => w.week),
              series: [
                { name: t('insights.col.submitted'), values: insights.participation.weeks.map((w) => w.submitted) },
              ],
            }}
          />
          <InsightFigure
            name="phases"
            title={t('insights.phases')}
            header={[t('insights.col.phase'), t('insights.col.entries'), t('insights.col.drafts')]}
            rows={insights.participation.phases.map((p) => [p.phase + 1, p.entries, p.drafts])}
          />
          <InsightFigure
            name="size-bands"
            title={t('insights.sizeBands')}
            header={[t('insights.col.sizeBand'), t('insights.col.entries'), t('insights.col.organizations')]}
            rows={insights.participation.sizeBands.map((b) => [band(b.sizeBand), b.entries, b.organizations])}
            chart={{
              kind: 'bar',
              categories: insights.participation.sizeBands.map((b) => band(b.sizeBand)),
              series: [
                { name: t('insights.col.entries'), values: insights.participation.sizeBands.map((b) => b.entries) },
              ],
            }}
          />
          <InsightFigure
            name="regions"
            title={t('insights.regions')}
            header={[t('insights.col.region'), t('insights.col.entries'), t('insights.col.organizations')]}
            rows={insights.participation.regions.map((r) => [region(r.region), r.entries, r.organizations])}
            chart={{
              kind: 'bar',
              categories: insights.participation.regions.map((r) => region(r.region)),
              series: [
                { name: t('insights.col.entries'), values: insights.participation.regions.map((r) => r.entries) },
              ],
            }}
          />
          <InsightFigure
            name="time-to-award"
            title={t('insights.timeToAward')}
            header={[
              t('insights.col.agency'),
              t('insights.col.awarded'),
              t('insights.col.median'),
              t('insights.col.min'),
              t('insights.col.max'),
            ]}
            rows={insights.timeToAward.map((a) => [
              a.agency?.name ?? '',
              a.awarded,
              a.medianDays ?? null,
              a.minDays ?? null,
              a.maxDays ?? null,
            ])}
          />
          <InsightFigure
            name="service-usage"
            title={t('insights.serviceUsage')}
            header={[
              t('insights.col.day'),
              t('insights.col.service'),
              t('insights.col.calls'),
              t('insights.col.failures'),
            ]}
            rows={insights.serviceUsage.perDay.map((d) => [d.day, d.serviceKey, d.calls, d.failures])}
            chart={usageChart(insights.serviceUsage.perDay)}
          />
          <InsightFigure
            name="service-consumers"
            title={t('insights.serviceConsumers')}
            header={[
              t('insights.col.consumer'),
              t('insights.col.service'),
              t('insights.col.calls'),
              t('insights.col.failures'),
            ]}
            rows={insights.serviceUsage.perConsumer.map((c) => [
              c.consumer?.name ?? '',
              c.serviceKey,
              c.calls,
              c.failures,
            ])}
          />
          <InsightFigure
            name="data-access"
            title={t('insights.dataAccess')}
            header={[
              t('insights.col.connection'),
              t('insights.col.reads'),
              t('insights.col.refusedReads'),
              t('insights.col.approvals'),
              t('insights.col.refusals'),
              t('insights.col.pending'),
              t('insights.col.consents'),
            ]}
            rows={insights.dataAccess.map((c) => [
              c.name,
              c.reads,
              c.refusedReads,
              c.approvals,
              c.refusals,
              c.pending,
              c.consentsInForce,
            ])}
          />
        </div>
      ) : null}
    </>
  );
}

/** Calls per day, one line per service. */
function usageChart(perDay: ReadonlyArray<{ serviceKey: string; day: string; calls: number }>) {
  const days = [...new Set(perDay.map((d) => d.day))].sort();
  const services = [...new Set(perDay.map((d) => d.serviceKey))].sort();
  const calls = new Map(perDay.map((d) => [`${d.serviceKey} ${d.day}`, d.calls]));
  return {
    kind: 'line' as const,
    categories: days,
    series: services.map((service) => ({
      name: service,
      values: days.map((day) => calls.get(`${service} ${day}`) ?? 0),
    })),
  };
}
