import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SetPluginConfigDocument } from './admin-queries';

/** The plugin's whole configuration as JSON, checked here as JSON and by the plugin against its own schema. */
export function PluginConfigForm({ name }: { name: string }) {
  const { t } = useT();
  const explain = useErrorText();
  const save = useMutation(SetPluginConfigDocument);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const id = 'plugin-config';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    let config: unknown;
    if (!text.trim()) {
      setProblem(t('pluginAdmin.configEmpty'));
      return;
    }
    try {
      config = JSON.parse(text);
    } catch (error) {
      setProblem(t('pluginAdmin.configInvalid', { reason: (error as Error).message }));
      return;
    }
    setProblem(null);
    if (await save.run({ name, config })) setSaved(true);
  };
  const refusal = save.error
    ? save.error.code === 'BAD_USER_INPUT' && save.error.field === 'config'
      ? t('pluginAdmin.configRefused')
      : explain(save.error)
    : null;
  const problems: FormProblem[] = [
    ...(problem ? [{ message: problem, fieldId: id }] : []),
    ...(refusal ? [{ message: refusal, fieldId: id }] : []),
  ];
  const fieldError = problem ?? refusal;
  return (
    <section className="section" aria-labelledby="config-title">
      <h2 id="config-title">{t('pluginAdmin.configTitle')}</h2>
      <ErrorSummary problems={problems} />
      <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className={`maru-field${fieldError ? ' maru-field--invalid' : ''}`}>
          <label className="maru-field__label" htmlFor={id}>
            {t('pluginAdmin.configLabel')}
          </label>
          <p className="maru-field__hint" id={`${id}-hint`}>
            {t('pluginAdmin.configHint')}
          </p>
          {fieldError ? (
            <p className="maru-field__error" id={`${id}-error`}>
              {fieldError}
            </p>
          ) : null}
          <textarea
            id={id}
            className="admin-json"
            spellCheck={false}
            value={text}
            placeholder="{}"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
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
