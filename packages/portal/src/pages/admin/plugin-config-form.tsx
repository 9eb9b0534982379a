import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SetPluginConfigDocument } from './plugin-queries';
import { checkConfig, settingsOf, type ConfigProblem, type ConfigSchema } from './config-schema';

/**
 * A plugin's configuration: the settings its manifest declares, whether one is set (never its values: they may be
 * secrets), and the whole configuration as JSON, checked here against the settings and then by the plugin.
 */
export function PluginConfigForm({
  name,
  schema,
  configured,
  onSaved,
}: {
  name: string;
  schema: ConfigSchema | null;
  configured: boolean;
  onSaved: () => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const save = useMutation(SetPluginConfigDocument);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const id = 'plugin-config';
  if (!schema)
    return (
      <section className="section" aria-labelledby="config-title">
        <h2 id="config-title">{t('pluginAdmin.configTitle')}</h2>
        <p>{t('pluginAdmin.configNone')}</p>
      </section>
    );
  const settings = settingsOf(schema);
  const say = (problem: ConfigProblem) =>
    problem.kind === 'notObject'
      ? t('pluginAdmin.configNotObject')
      : problem.kind === 'missing'
        ? t('pluginAdmin.configMissing', { name: problem.name })
        : problem.kind === 'unknown'
          ? t('pluginAdmin.configUnknown', { name: problem.name })
          : t('pluginAdmin.configWrongType', { name: problem.name, type: problem.type });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!text.trim()) return setProblems([t('pluginAdmin.configEmpty')]);
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (error) {
      return setProblems([t('pluginAdmin.configInvalid', { reason: (error as Error).message })]);
    }
    const found = checkConfig(schema, config).map(say);
    setProblems(found);
    if (found.length) return;
    if (await save.run({ name, config })) {
      setSaved(true);
      setText('');
      onSaved();
    }
  };
  const refusal = save.error
    ? save.error.code === 'BAD_USER_INPUT' && save.error.field === 'config'
      ? t('pluginAdmin.configRefused')
      : explain(save.error)
    : null;
  const shown = refusal ? [...problems, refusal] : problems;
  const summary: FormProblem[] = shown.map((message) => ({ message, fieldId: id }));
  return (
    <section className="section" aria-labelledby="config-title">
      <h2 id="config-title">{t('pluginAdmin.configTitle')}</h2>
      <p>{configured ? t('pluginAdmin.configIsSet') : t('pluginAdmin.configNotSet')}</p>
      {settings.length ? (
        <div className="maru-table-scroll" role="region" aria-labelledby="config-accepts" tabIndex={0}>
          <table className="maru-table admin-table">
            <caption id="config-accepts">{t('pluginAdmin.configAccepts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pluginAdmin.configProperty')}</th>
                <th scope="col">{t('pluginAdmin.configType')}</th>
                <th scope="col">{t('pluginAdmin.configRequired')}</th>
                <th scope="col">{t('pluginAdmin.configDescription')}</th>
              </tr>
            </thead>
            <tbody>
              {settings.map((setting) => (
                <tr key={setting.name}>
                  <th scope="row">
                    <code className="maru-code">{setting.name}</code>
                  </th>
                  <td>{setting.type}</td>
                  <td>{setting.required ? t('pluginAdmin.yes') : t('pluginAdmin.no')}</td>
                  <td>{setting.description || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorSummary problems={summary} />
      <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className={`maru-field${shown.length ? ' maru-field--invalid' : ''}`}>
          <label className="maru-field__label" htmlFor={id}>
            {t('pluginAdmin.configLabel')}
          </label>
          <p className="maru-field__hint" id={`${id}-hint`}>
            {t('pluginAdmin.configHint')}
          </p>
          {shown.length ? (
            <p className="maru-field__error" id={`${id}-error`}>
              {shown.join(' ')}
            </p>
          ) : null}
          <textarea
            id={id}
            className="admin-json"
            spellCheck={false}
            value={text}
            placeholder="{}"
            aria-invalid={shown.length ? true : undefined}
            aria-describedby={`${id}-hint${shown.length ? ` ${id}-error` : ''}`}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="maru-button" disabled={save.running}>
          {save.running ? t('common.working') : t('pluginAdmin.configSave')}
        </button>
      </form>
      <div role="status">
        {saved ? <p className="maru-notice maru-notice--success">{t('pluginAdmin.configSaved')}</p> : null}
      </div>
    </section>
  );
}
