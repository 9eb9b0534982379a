import { TextInput } from '../../forms/text-input';
import { useT, type MessageKey } from '../../i18n/use-t';
import { REQUIRED_OF, SETTINGS_OF, type SourceKind, type SourceSettings } from './connector-settings';

/** Only the settings of the chosen kind: the file, the path, the address, the collection or the plugin. */
export function ConnectorFields({
  kind,
  settings,
  onChange,
  problems,
  file,
  onFile,
}: {
  kind: SourceKind;
  settings: SourceSettings;
  onChange: (settings: SourceSettings) => void;
  problems: Record<string, string>;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  const { t } = useT();
  const text = (setting: string, part: 'label' | 'hint') => t(`dataAdmin.setting.${setting}.${part}` as MessageKey);
  return (
    <fieldset className="maru-field">
      <legend className="maru-field__label">{t(`dataAdmin.source.${kind}.label` as MessageKey)}</legend>
      {kind === 'UPLOAD' ? (
        <div className={`maru-field${problems.file ? ' maru-field--invalid' : ''}`}>
          <label className="maru-field__label" htmlFor="conn-file">
            {t('dataAdmin.form.file')}
            <span aria-hidden="true"> *</span>
          </label>
          <p className="maru-field__hint" id="conn-file-hint">
            {t('dataAdmin.form.fileHint')}
          </p>
          {problems.file ? (
            <p className="maru-field__error" id="conn-file-error">
              {problems.file}
            </p>
          ) : null}
          <input
            id="conn-file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={problems.file ? true : undefined}
            aria-describedby={`conn-file-hint${problems.file ? ' conn-file-error' : ''}`}
            onChange={(event) => onFile(event.target.files?.[0] ?? null)}
          />
          {file ? (
            <p className="muted">
              {t('dataAdmin.form.fileChosen', { name: file.name, size: Math.ceil(file.size / 1024) })}
            </p>
          ) : null}
        </div>
      ) : null}
      {SETTINGS_OF[kind].map((setting) =>
        setting === 'encoding' ? (
          <div className="maru-field" key={setting}>
            <label className="maru-field__label" htmlFor="source-encoding">
              {text('encoding', 'label')}
            </label>
            <p className="maru-field__hint" id="source-encoding-hint">
              {text('encoding', 'hint')}
            </p>
            <select
              id="source-encoding"
              aria-describedby="source-encoding-hint"
              value={settings.encoding ?? 'utf-8'}
              onChange={(event) => onChange({ ...settings, encoding: event.target.value })}
            >
              <option value="utf-8">UTF-8</option>
              <option value="euc-kr">EUC-KR (CP949)</option>
            </select>
          </div>
        ) : setting === 'pluginConfig' ? (
          <div className={`maru-field${problems['source-pluginConfig'] ? ' maru-field--invalid' : ''}`} key={setting}>
            <label className="maru-field__label" htmlFor="source-pluginConfig">
              {text(setting, 'label')}
            </label>
            <p className="maru-field__hint" id="source-pluginConfig-hint">
              {text(setting, 'hint')}
            </p>
            {problems['source-pluginConfig'] ? (
              <p className="maru-field__error" id="source-pluginConfig-error">
                {problems['source-pluginConfig']}
              </p>
            ) : null}
            <textarea
              id="source-pluginConfig"
              rows={4}
              spellCheck={false}
              aria-invalid={problems['source-pluginConfig'] ? true : undefined}
              aria-describedby={`source-pluginConfig-hint${problems['source-pluginConfig'] ? ' source-pluginConfig-error' : ''}`}
              value={settings.pluginConfig ?? ''}
              onChange={(event) => onChange({ ...settings, pluginConfig: event.target.value })}
            />
          </div>
        ) : (
          <TextInput
            key={setting}
            id={`source-${setting}`}
            label={text(setting, 'label')}
            hint={text(setting, 'hint')}
            error={problems[`source-${setting}`]}
            required={REQUIRED_OF[kind].includes(setting)}
            value={settings[setting] ?? ''}
            onChange={(value) => onChange({ ...settings, [setting]: value })}
            spellCheck={false}
            autoComplete="off"
            {...(setting === 'url' ? { type: 'url', inputMode: 'url' as const } : {})}
          />
        ),
      )}
    </fieldset>
  );
}
