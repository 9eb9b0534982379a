import type { DataFieldType } from '../../gql/graphql';
import { TextInput } from '../../forms/text-input';
import { useT } from '../../i18n/use-t';

export interface FieldRow {
  name: string;
  type: DataFieldType;
  personal: boolean;
}

const TYPES: readonly DataFieldType[] = ['STRING', 'INTEGER', 'NUMBER', 'BOOLEAN', 'DATE'];

/** The dataset's declared fields, one row each: name, type and whether it is personal data. */
export function FieldRows({
  rows,
  onChange,
  personalAllowed,
  error,
}: {
  rows: FieldRow[];
  onChange: (rows: FieldRow[]) => void;
  personalAllowed: boolean;
  error?: string | undefined;
}) {
  const { t } = useT();
  const set = (index: number, change: Partial<FieldRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className={`maru-field${error ? ' maru-field--invalid' : ''}`} aria-describedby="fields-hint">
      <legend className="maru-field__label">{t('dataAdmin.form.fields')}</legend>
      <p className="maru-field__hint" id="fields-hint">
        {personalAllowed ? t('dataAdmin.form.fieldsHintPersonal') : t('dataAdmin.form.fieldsHint')}
      </p>
      {error ? (
        <p className="maru-field__error" id="fields-error">
          {error}
        </p>
      ) : null}
      <div className="maru-stack">
        {rows.map((row, index) => (
          <div
            className="data-admin-fieldrow"
            key={index}
            role="group"
            aria-label={t('dataAdmin.form.fieldRow', { n: index + 1 })}
          >
            <TextInput
              id={`field-${index}-name`}
              label={t('dataAdmin.form.fieldName')}
              value={row.name}
              onChange={(name) => set(index, { name })}
              autoComplete="off"
              spellCheck={false}
            />
            <div className="maru-field">
              <label className="maru-field__label" htmlFor={`field-${index}-type`}>
                {t('dataAdmin.form.fieldType')}
              </label>
              <select
                id={`field-${index}-type`}
                value={row.type}
                onChange={(event) => set(index, { type: event.target.value as DataFieldType })}
              >
                {TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`dataAdmin.fieldType.${type}`)}
                  </option>
                ))}
              </select>
            </div>
            {personalAllowed ? (
              <div className="data-admin-check">
                <input
                  id={`field-${index}-personal`}
                  type="checkbox"
                  checked={row.personal}
                  onChange={(event) => set(index, { personal: event.target.checked })}
                />
                <label htmlFor={`field-${index}-personal`}>{t('dataAdmin.form.fieldPersonal')}</label>
              </div>
            ) : null}
            <button
              type="button"
              className="maru-button maru-button--secondary"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              {t('dataAdmin.form.removeField', { name: row.name || index + 1 })}
            </button>
          </div>
        ))}
      </div>
      <button
        type="button"
        id="fields-add"
        className="maru-button maru-button--secondary"
        onClick={() => onChange([...rows, { name: '', type: 'STRING', personal: false }])}
      >
        {t('dataAdmin.form.addField')}
      </button>
    </fieldset>
  );
}
