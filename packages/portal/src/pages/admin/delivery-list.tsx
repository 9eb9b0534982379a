import { KoreanTime } from '@maru/ui';
import { useState } from 'react';
import type { PluginEventDeliveryStatus } from '../../gql/graphql';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { useLoadMore } from '../challenges/use-load-more';
import { PluginDeliveriesDocument } from './admin-queries';

const STATUSES: PluginEventDeliveryStatus[] = ['FAILED', 'PENDING', 'DELIVERED'] as PluginEventDeliveryStatus[];

/** Hub events handed to plugins (one plugin's, or all), filtered by how they fared, newest first. */
export function DeliveryList({
  plugin,
  initialStatus,
  headingId,
}: {
  plugin?: string;
  initialStatus?: string | null;
  headingId: string;
}) {
  const { t, i18n } = useT();
  const explain = useErrorText();
  const start = STATUSES.find((s) => s === initialStatus) ?? '';
  const [chosen, setChosen] = useState<PluginEventDeliveryStatus | ''>(start);
  const [status, setStatus] = useState<PluginEventDeliveryStatus | ''>(start);
  const page = useLoadMore(
    PluginDeliveriesDocument,
    { first: 20, ...(plugin ? { plugin } : {}), ...(status ? { status } : {}) },
    (data) => data.pluginEventDeliveries,
  );
  const selectId = `${headingId}-status`;
  return (
    <>
      <form
        className="maru-form form--inline"
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          setStatus(chosen);
        }}
      >
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={selectId}>
            {t('serviceAdmin.deliveryStatus')}
          </label>
          <select
            id={selectId}
            value={chosen}
            onChange={(event) => setChosen(event.target.value as PluginEventDeliveryStatus | '')}
          >
            <option value="">{t('serviceAdmin.deliveryAll')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`serviceAdmin.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="maru-button maru-button--secondary">
          {t('serviceAdmin.show')}
        </button>
      </form>
      {page.error ? <p className="maru-form-alert">{explain(page.error)}</p> : null}
      <p className="muted" role="status">
        {page.totalCount === null || page.loading
          ? t('common.loading')
          : t('serviceAdmin.deliveryCount', { count: page.totalCount })}
      </p>
      {page.totalCount === 0 ? <p>{t('serviceAdmin.deliveriesEmpty')}</p> : null}
      {page.nodes.length ? (
        <div className="maru-table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="maru-table admin-table">
            <thead>
              <tr>
                <th scope="col">{t('serviceAdmin.deliveryEvent')}</th>
                {plugin ? null : <th scope="col">{t('serviceAdmin.deliveryPlugin')}</th>}
                <th scope="col">{t('serviceAdmin.deliveryState')}</th>
                <th scope="col">{t('serviceAdmin.deliveryAttempts')}</th>
                <th scope="col">{t('serviceAdmin.deliveryAt')}</th>
                <th scope="col">{t('serviceAdmin.deliveryError')}</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((d, index) => (
                <tr key={`${d.plugin}-${d.event}-${d.createdAt}-${index}`}>
                  <th scope="row">
                    <code className="maru-code">{d.event}</code>
                  </th>
                  {plugin ? null : <td>{d.plugin}</td>}
                  <td>{t(`serviceAdmin.${d.status}`)}</td>
                  <td>{d.attempts}</td>
                  <td>
                    <KoreanTime value={d.createdAt} />
                  </td>
                  <td>{d.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page.hasNextPage ? (
        <button type="button" className="maru-button maru-button--secondary" onClick={page.loadMore}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </>
  );
}
