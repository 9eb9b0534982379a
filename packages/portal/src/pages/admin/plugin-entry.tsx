import { FormErrorSummary, PluginCard, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import type { PluginsQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { DisablePluginDocument, EnablePluginDocument, SetPluginCapabilitiesDocument } from './plugin-queries';

type Plugin = PluginsQuery['plugins'][number];
type Service = PluginsQuery['services']['nodes'][number];

/** One plugin's card: capabilities granted as checkboxes, its services' usage, and enable/disable. */
export function PluginEntry({
  plugin,
  services,
  onChanged,
}: {
  plugin: Plugin;
  services: Service[];
  onChanged: () => void;
}) {
  const { t } = useT();
  const enable = useMutation(EnablePluginDocument);
  const disable = useMutation(DisablePluginDocument);
  const grant = useMutation(SetPluginCapabilitiesDocument);
  const running = plugin.status === 'ENABLED';
  const toggle = running ? disable : enable;
  return (
    <PluginCard
      plugin={plugin}
      headingLevel={2}
      busy={grant.running}
      error={toFormError(grant.error)}
      onSaveCapabilities={async (capabilities) => {
        if (await grant.run({ name: plugin.name, capabilities })) onChanged();
      }}
      actions={
        <>
          {services.length ? (
            <div>
              <h3 className="maru-card__section-title">{t('plugins.usage')}</h3>
              <ul className="compact-list">
                {services.map((service) => {
                  const calls = service.dailyUsage.reduce((sum, day) => sum + day.calls, 0);
                  const failures = service.dailyUsage.reduce((sum, day) => sum + day.failures, 0);
                  return (
                    <li key={service.key}>
                      {service.name} <StatusBadge kind="service" status={service.status} /> —{' '}
                      {t('plugins.usageRow', { calls, failures })}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
          <Link className="maru-button maru-button--secondary" to={`/admin/plugins/${encodeURIComponent(plugin.name)}`}>
            {t('pluginAdmin.openDetails', { name: plugin.name })}
          </Link>
          <FormErrorSummary error={toFormError(toggle.error)} />
          <button
            type="button"
            className={running ? 'maru-button maru-button--secondary' : 'maru-button'}
            disabled={toggle.running}
            onClick={() => void toggle.run({ name: plugin.name }).then((done) => done && onChanged())}
          >
            {running ? t('plugins.disable', { name: plugin.name }) : t('plugins.enable', { name: plugin.name })}
          </button>
        </>
      }
    />
  );
}
