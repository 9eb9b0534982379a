import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../common/date-time';
import { FormErrorSummary, type FormStateProps } from '../common/form-error';
import { StatusBadge, type PluginStatus } from '../common/status-badge';

/** A data connector a plugin contributes. */
export interface PluginConnector {
  key: string;
  name: string;
  description?: string | null;
}

/**
 * How a plugin's code is confined (`PluginIsolation`): `ISOLATE`, a plugin of API 2 running
 * in a V8 isolate with ctx as its only door; `UNCONFINED`, a legacy API-1 plugin the operator
 * allowed, whose code has Node's APIs within its plugin host.
 */
export type PluginIsolation = 'ISOLATE' | 'UNCONFINED';

/** A plugin the hub loaded, or refused (`Plugin`). */
export interface PluginSummary {
  name: string;
  version: string;
  publisher: string;
  status: PluginStatus | (string & {});
  requestedCapabilities: string[];
  /** Platform admins only; null or absent when unknown to the viewer. */
  grantedCapabilities?: string[] | null;
  /** The registered key that signed it; null when loaded unsigned under the development flag. */
  signedBy?: string | null;
  /** How its code is confined; absent (hubs before `Plugin.isolation`) or another value: unknown, nothing shown. Not shown for a FAILED plugin. */
  isolation?: PluginIsolation | (string & {}) | null;
  /** Hosts its ctx.fetch may reach. */
  hosts: string[];
  loadedAt: string;
  /** Why it failed to load. */
  problems?: string[] | null;
  connectors?: PluginConnector[];
}

export interface PluginCardProps extends FormStateProps {
  plugin: PluginSummary;
  headingLevel?: 2 | 3 | 4;
  /** Platform admins: shows the capabilities as checkboxes and a save button; called with exactly the capabilities to grant. */
  onSaveCapabilities?: (capabilities: string[]) => void;
  /** Enable, disable, uninstall… as the app allows. */
  actions?: ReactNode;
}

const KNOWN_CAPABILITIES = ['kv', 'fetch', 'data:read', 'events:emit', 'events:receive'];

/** A plugin: publisher, version, trust (signature), how its code is confined (isolation), the capabilities it asks for and those granted, hosts, connectors and load problems. */
export function PluginCard({ plugin, headingLevel = 3, onSaveCapabilities, actions, busy, error }: PluginCardProps) {
  const { t } = useTranslation('maru-ui');
  const Heading = `h${headingLevel}` as const;
  const granted = plugin.grantedCapabilities;
  const [selected, setSelected] = useState<string[]>(granted ?? []);
  const idBase = useId();
  const grantedKey = granted?.join(' ');
  // A save that succeeded comes back as new props: show what the hub now grants.
  useEffect(() => setSelected(grantedKey ? grantedKey.split(' ') : []), [grantedKey]);
  // Unknown (an older hub, a newer value) shows nothing; nor does a plugin that failed to load, whose code does not run.
  const isolation =
    plugin.status !== 'FAILED' && (plugin.isolation === 'ISOLATE' || plugin.isolation === 'UNCONFINED')
      ? plugin.isolation
      : null;
  const describe = (capability: string) =>
    KNOWN_CAPABILITIES.includes(capability) ? t(`capability.${capability.replace(':', '_')}`) : null;
  const save = (event: FormEvent) => {
    event.preventDefault();
    onSaveCapabilities?.(plugin.requestedCapabilities.filter((capability) => selected.includes(capability)));
  };
  return (
    <article className="maru-card maru-plugin-card">
      <div className="maru-card__meta">
        <StatusBadge kind="plugin" status={plugin.status} />
        {plugin.signedBy ? (
          <span className="maru-badge maru-badge--success">{t('plugin.signed')}</span>
        ) : (
          <span className="maru-badge maru-badge--warning">{t('plugin.unsigned')}</span>
        )}
        {isolation === 'ISOLATE' ? (
          <span className="maru-badge maru-badge--success">{t('plugin.isolated')}</span>
        ) : null}
        {isolation === 'UNCONFINED' ? (
          <span className="maru-badge maru-badge--danger">{t('plugin.unconfined')}</span>
        ) : null}
      </div>
      <Heading className="maru-card__title">
        <code className="maru-code">{plugin.name}</code>
      </Heading>
      <dl className="maru-facts">
        <div>
          <dt>{t('plugin.publisher')}</dt>
          <dd>{plugin.publisher}</dd>
        </div>
        <div>
          <dt>{t('plugin.version')}</dt>
          <dd>
            <code className="maru-code">{plugin.version}</code>
          </dd>
        </div>
        <div>
          <dt>{t('plugin.trust')}</dt>
          <dd>{plugin.signedBy ? t('plugin.signedBy', { key: plugin.signedBy }) : t('plugin.unsignedNote')}</dd>
        </div>
        {isolation ? (
          <div>
            <dt>{t('plugin.isolation')}</dt>
            <dd>{isolation === 'ISOLATE' ? t('plugin.isolatedNote') : t('plugin.unconfinedNote')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('plugin.loadedAt')}</dt>
          <dd>
            <DateTime value={plugin.loadedAt} />
          </dd>
        </div>
      </dl>
      {plugin.problems?.length ? (
        <div className="maru-notice maru-notice--danger">
          <p className="maru-card__section-title">{t('plugin.problems')}</p>
          <ul>
            {plugin.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {onSaveCapabilities ? (
        <form className="maru-form" onSubmit={save}>
          <fieldset className="maru-fieldset">
            <legend>{t('plugin.capabilities')}</legend>
            {plugin.requestedCapabilities.length ? (
              <ul className="maru-checkboxes">
                {plugin.requestedCapabilities.map((capability, index) => (
                  <li key={capability} className="maru-field maru-field--checkbox">
                    <input
                      type="checkbox"
                      id={`${idBase}-${index}`}
                      checked={selected.includes(capability)}
                      onChange={(event) =>
                        setSelected(
                          event.target.checked ? [...selected, capability] : selected.filter((c) => c !== capability),
                        )
                      }
                    />
                    <label className="maru-field__label" htmlFor={`${idBase}-${index}`}>
                      <code className="maru-code">{capability}</code> {describe(capability)}
                    </label>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="maru-card__subtitle">{t('plugin.noCapabilities')}</p>
            )}
          </fieldset>
          <FormErrorSummary error={error} />
          <div className="maru-form__actions">
            <button type="submit" className="maru-button" disabled={busy || plugin.requestedCapabilities.length === 0}>
              {busy ? t('form.sending') : t('plugin.saveCapabilities')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="maru-card__section-title">{t('plugin.capabilities')}</p>
          {plugin.requestedCapabilities.length ? (
            <ul className="maru-capabilities">
              {plugin.requestedCapabilities.map((capability) => (
                <li key={capability}>
                  <code className="maru-code">{capability}</code>
                  {granted ? (
                    granted.includes(capability) ? (
                      <span className="maru-badge maru-badge--success">{t('plugin.granted')}</span>
                    ) : (
                      <span className="maru-badge maru-badge--neutral">{t('plugin.notGranted')}</span>
                    )
                  ) : null}
                  {describe(capability) ? <span className="maru-card__subtitle">{describe(capability)}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="maru-card__subtitle">{t('plugin.noCapabilities')}</p>
          )}
        </>
      )}
      {plugin.hosts.length ? (
        <>
          <p className="maru-card__section-title">{t('plugin.hosts')}</p>
          <ul className="maru-tags">
            {plugin.hosts.map((host) => (
              <li key={host} className="maru-tag">
                <code className="maru-code">{host}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plugin.connectors?.length ? (
        <>
          <p className="maru-card__section-title">{t('plugin.connectors')}</p>
          <ul className="maru-capabilities">
            {plugin.connectors.map((connector) => (
              <li key={connector.key}>
                <strong>{connector.name}</strong>
                {connector.description ? <span className="maru-card__subtitle">{connector.description}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {actions ? <div className="maru-card__actions">{actions}</div> : null}
    </article>
  );
}
