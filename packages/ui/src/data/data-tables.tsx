import { useTranslation } from 'react-i18next';
import { TableScroll } from '../common/table-scroll';
import { useUiFormat } from '../i18n/use-ui-format';

export type DataFieldType = 'STRING' | 'INTEGER' | 'NUMBER' | 'BOOLEAN' | 'DATE';

/** A field of a connection's schema (`DataField`). */
export interface DataField {
  name: string;
  type: DataFieldType;
  description: string;
  /** Shown only to the owner and under the data subject's consent. */
  personal: boolean;
}

/** One record, with the fields the caller may see (`DataRecord`). */
export interface DataRecord {
  key: string;
  /** Field name → value (null when empty or masked). */
  data: Record<string, unknown>;
  /** Personal fields withheld: the data subject has not consented to your purpose. */
  masked: string[];
}

/** The schema: each field's name, type and description, personal fields marked. */
export function DataSchemaTable({ fields, keyField }: { fields: DataField[]; keyField?: string }) {
  const { t } = useTranslation('maru-ui');
  return (
    <TableScroll label={t('data.schema')}>
      <table className="maru-table">
        <caption>{t('data.schema')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('data.field')}</th>
            <th scope="col">{t('data.type')}</th>
            <th scope="col">{t('data.description')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name}>
              <th scope="row">
                <code className="maru-code">{field.name}</code>
                {field.personal ? (
                  <span className="maru-badge maru-badge--danger maru-inline-badge">{t('data.personal')}</span>
                ) : null}
                {field.name === keyField ? (
                  <span className="maru-badge maru-badge--neutral maru-inline-badge">{t('data.keyField')}</span>
                ) : null}
              </th>
              <td>{t(`data.fieldType.${field.type}`)}</td>
              <td>{field.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The first records, column per field; masked personal values say so instead of showing blank. */
export function DataPreviewTable({ fields, records }: { fields: DataField[]; records: DataRecord[] }) {
  const { t } = useTranslation('maru-ui');
  const format = useUiFormat();
  const show = (field: DataField, record: DataRecord) => {
    if (record.masked.includes(field.name)) return <span className="maru-masked">{t('data.masked')}</span>;
    const value = record.data[field.name];
    if (value === null || value === undefined || value === '')
      return <span className="maru-masked">{t('data.empty')}</span>;
    if (typeof value === 'boolean') return value ? t('data.yes') : t('data.no');
    if (typeof value === 'number') return format.number(value);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  if (!records.length) return <p className="maru-card__subtitle">{t('data.noPreview')}</p>;
  return (
    <TableScroll label={t('data.preview')}>
      <table className="maru-table">
        <caption>{t('data.preview')}</caption>
        <thead>
          <tr>
            {fields.map((field) => (
              <th scope="col" key={field.name}>
                <code className="maru-code">{field.name}</code>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.key}>
              {fields.map((field) => (
                <td
                  key={field.name}
                  className={field.type === 'INTEGER' || field.type === 'NUMBER' ? 'maru-table__number' : undefined}
                >
                  {show(field, record)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
