import { AsyncState } from '@maru/ui';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { InstallPluginForm } from './install-plugin-form';
import { PluginEntry } from './plugin-entry';
import { PluginsDocument } from './plugin-queries';

/** Platform admins: every plugin with its trust, capabilities asked and granted, usage, and the switches. */
export function PluginsPage() {
  const { t } = useT();
  usePageTitle(t('plugins.title'));
  return (
    <div className="page">
      <SignInRequired roles={['PLATFORM_ADMIN']}>
        <Plugins />
      </SignInRequired>
    </div>
  );
}

function Plugins() {
  const { t } = useT();
  const result = useQuery(PluginsDocument);
  const plugins = result.data?.plugins ?? [];
  const services = result.data?.services.nodes ?? [];
  return (
    <>
      <h1>{t('plugins.title')}</h1>
      <p className="maru-lead">{t('plugins.intro')}</p>
      <AsyncState
        loading={result.loading && !result.data}
        error={result.error ? `${result.error.message} (${result.error.code})` : null}
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
    </>
  );
}
