import { KoreanTime, StatusBadge } from '@maru/ui';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmAction } from '../../forms/confirm-action';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { PluginDetailDocument, UninstallPluginDocument } from './plugin-queries';
import { AdminNav } from './admin-nav';
import { AdminOnly } from './admin-only';
import { DeliveryList } from './delivery-list';
import type { ConfigSchema } from './config-schema';
import { PluginConfigForm } from './plugin-config-form';
import './admin.css';

/** One plugin for platform admins: what it is and runs, its configuration, the events it received, and uninstall. */
export function PluginPage() {
  const { name = '' } = useParams();
  const { t } = useT();
  usePageTitle(t('pluginAdmin.details', { name }));
  return (
    <div className="page">
      <AdminOnly>
        <Plugin name={name} />
      </AdminOnly>
    </div>
  );
}

function Plugin({ name }: { name: string }) {
  const { t, i18n } = useT();
  const explain = useErrorText();
  const result = useQuery(PluginDetailDocument);
  const uninstall = useMutation(UninstallPluginDocument);
  const [gone, setGone] = useState(false);
  const plugin = result.data?.plugins.find((p) => p.name === name && p.status !== 'UNINSTALLED');
  const services = (result.data?.services.nodes ?? []).filter((s) => s.plugin?.name === name);
  const keys = new Set(services.map((s) => s.key));
  const grants = (result.data?.serviceGrants.nodes ?? []).filter((g) => g.service && keys.has(g.service.key)).length;
  const trail = [
    { to: '/admin', label: t('admin.title') },
    { to: '/admin/plugins', label: t('plugins.title') },
  ];
  if (gone)
    return (
      <>
        <Breadcrumbs trail={trail} current={name} />
        <h1>{name}</h1>
        <div role="status">
          <p className="maru-notice maru-notice--success">{t('pluginAdmin.uninstalled', { name })}</p>
        </div>
        <p>
          <Link to="/admin/plugins">{t('plugins.title')}</Link>
        </p>
      </>
    );
  return (
    <>
      <Breadcrumbs trail={trail} current={name} />
      <h1>{name}</h1>
      <AdminNav />
      {result.error ? <p className="maru-form-alert">{explain(result.error)}</p> : null}
      {result.loading && !result.data ? <p role="status">{t('common.loading')}</p> : null}
      {result.data && !plugin ? <p className="maru-notice">{t('pluginAdmin.notFound', { name })}</p> : null}
      {plugin ? (
        <>
          <section className="section" aria-labelledby="plugin-facts">
            <h2 id="plugin-facts">{t('pluginAdmin.facts')}</h2>
            <dl className="admin-facts">
              <dt>{t('pluginAdmin.status')}</dt>
              <dd>
                <StatusBadge kind="plugin" status={plugin.status} />
              </dd>
              <dt>{t('pluginAdmin.version')}</dt>
              <dd>{plugin.version}</dd>
              <dt>{t('pluginAdmin.publisher')}</dt>
              <dd>{plugin.publisher}</dd>
              <dt>{t('pluginAdmin.signedBy')}</dt>
              <dd>{plugin.signedBy ?? t('pluginAdmin.unsigned')}</dd>
              <dt>{t('pluginAdmin.isolation')}</dt>
              <dd>{t(`pluginAdmin.${plugin.isolation}`)}</dd>
              <dt>{t('pluginAdmin.loadedAt')}</dt>
              <dd>
                <KoreanTime value={plugin.loadedAt} />
              </dd>
            </dl>
            {plugin.problems?.length ? (
              <>
                <h3>{t('pluginAdmin.problems')}</h3>
                <ul>
                  {plugin.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section className="section" aria-labelledby="plugin-services">
            <h2 id="plugin-services">{t('pluginAdmin.servicesTitle')}</h2>
            {services.length ? (
              <ul className="compact-list">
                {services.map((s) => (
                  <li key={s.key}>
                    <Link to={`/admin/services#service-${s.key}`}>{s.name}</Link>{' '}
                    <StatusBadge kind="service" status={s.status} />
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('pluginAdmin.servicesNone')}</p>
            )}
          </section>
          <PluginConfigForm
            name={plugin.name}
            schema={(plugin.configSchema as ConfigSchema | null) ?? null}
            configured={plugin.configured ?? false}
            onSaved={result.reload}
          />
          <section className="section" aria-labelledby="plugin-deliveries">
            <h2 id="plugin-deliveries">{t('pluginAdmin.deliveriesTitle')}</h2>
            <DeliveryList plugin={plugin.name} headingId="plugin-deliveries" />
          </section>
          <section className="section" aria-labelledby="plugin-uninstall">
            <h2 id="plugin-uninstall">{t('pluginAdmin.uninstallTitle')}</h2>
            <p>{t('pluginAdmin.uninstallIntro')}</p>
            {uninstall.error ? (
              <p className="maru-form-alert" role="alert">
                {explain(uninstall.error)}
              </p>
            ) : null}
            <ConfirmAction
              label={t('pluginAdmin.uninstall', { name: plugin.name })}
              question={t('pluginAdmin.uninstallQuestion', {
                name: plugin.name,
                services: services.map((s) => s.name).join(', ') || t('pluginAdmin.uninstallNoServices'),
                grants: t('pluginAdmin.uninstallGrants', { count: grants }),
              })}
              confirmLabel={t('pluginAdmin.uninstallConfirm')}
              onConfirm={async () => {
                if (!(await uninstall.run({ name: plugin.name }))) return false;
                setGone(true);
                return true;
              }}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
