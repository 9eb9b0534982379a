import { Field, FormErrorSummary } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { InstallPluginDocument } from './plugin-queries';

/** Install a plugin package already present on the hub, at an exact version; its signature is checked. */
export function InstallPluginForm({ onInstalled }: { onInstalled: () => void }) {
  const { t } = useT();
  const install = useMutation(InstallPluginDocument);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !version.trim()) return;
    if (await install.run({ package: name.trim(), version: version.trim() })) {
      setName('');
      setVersion('');
      onInstalled();
    }
  };
  return (
    <section className="section" aria-labelledby="install-plugin">
      <h2 id="install-plugin">{t('plugins.installTitle')}</h2>
      <p className="hint">{t('plugins.installHint')}</p>
      <form className="maru-form form--inline" onSubmit={(event) => void submit(event)}>
        <Field label={t('plugins.package')} required>
          {(control) => (
            <input
              {...control}
              type="text"
              spellCheck={false}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('plugins.version')} required>
          {(control) => (
            <input
              {...control}
              type="text"
              spellCheck={false}
              className="maru-input--short"
              value={version}
              onChange={(event) => setVersion(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="maru-button" disabled={install.running}>
          {t('plugins.install')}
        </button>
      </form>
      <FormErrorSummary error={toFormError(install.error)} />
    </section>
  );
}
