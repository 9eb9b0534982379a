import { AsyncState } from '@maru/ui';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { AdminNav } from './admin-nav';
import { AdminOnly } from './admin-only';
import { InstallPluginForm } from './install-plugin-form';
import { PluginEntry } from './plugin-entry';
import { PluginsDocument } from './plugin-queries';
import { PublisherKeyForm } from './publisher-key-form';
import './admin.css';

/** Platform admins: every plugin with its trust, capabilities asked and granted, usage, and the switches. */
export function PluginsPage() {
  const { t } = useT();
  usePageTitle(t('plugins.title'));
  return (
    <div className="page">
      <AdminOnly>
        <Plugins />
      </AdminOnly>
    </div>
  );
}

function Plugins() {
  const { t } = useT();
  const explain = useErrorText();
  const result = useQuery(PluginsDocument);
  const plugins = result.data?.plugins ?? [];
  const services = result.data?.services.nodes ?? [];
  return (
    <>
      <Breadcrumbs trail={[{ to: '/admin', label: t('admin.title') }]} current={t('plugins.title')} />
      <h1>{t('plugins.title')}</h1>
      <p className="maru-lead">{t('plugins.intro')}</p>
      <AdminNav />
      <AsyncState
        loading={result.loading && !result.data}
        error={result.error ? explain(result.error) : null}
        onRetry={result.reload}
        empty={plugins.length === 0}
        emptyMessage={t('plugins.empty')}
      >
        <ul className="plain-list maru-stack">
          {plugins.map((plugin) => (
            <li key={plugin.name}>
              <PluginEntry
                plugin={plugin}
                services={services.filter((s) => s.plugin?.name === plugin.name)}
                onChanged={result.reload}
              />
            </li>
          ))}
        </ul>
      </AsyncState>
      <InstallPluginForm onInstalled={result.reload} />
      <PublisherKeyForm />
    </>
  );
}
