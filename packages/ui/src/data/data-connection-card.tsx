import type { ReactNode } from 'react';
import { LicenceMark } from '../content/licence-mark';
import { Markdown } from '../content/markdown';
import { KoreanTime } from '../content/deadline';
import { useTranslation } from 'react-i18next';
import { MaruLink, type LinkProps } from '../common/link';
import { StatusBadge, type DataClassification, type DataConnectionStatus } from '../common/status-badge';
import { useUiFormat } from '../i18n/use-ui-format';
import { DataPreviewTable, DataSchemaTable, type DataField, type DataRecord } from './data-tables';

export type ConnectorKind = 'CSV' | 'HTTP_JSON' | 'MONGODB' | 'PLUGIN';

/** An agency dataset connected to the hub (`DataConnection`): metadata is public, records follow the classification. */
export interface DataConnectionSummary {
  id: string;
  name: string;
  /** Markdown, rendered formatted and sanitized. */
  description: string;
  classification: DataClassification;
  status: DataConnectionStatus;
  agency: { name: string };
  licence: string;
  tags: string[];
  recordCount: number;
  keyField: string;
  fields: DataField[];
  connectorKind?: ConnectorKind;
  lastSuccessAt?: string | null;
  /** Why the last sync failed. */
  lastError?: string | null;
  /** The first records when the viewer may read them; null otherwise. */
  preview?: DataRecord[] | null;
}

export interface DataConnectionCardProps extends LinkProps {
  connection: DataConnectionSummary;
  headingLevel?: 2 | 3 | 4;
  /** Show the schema table. Default true. */
  showSchema?: boolean;
  /** Show the preview table when `preview` is given. Default true. */
  showPreview?: boolean;
  /** E.g. a "Request access" button opening the AccessRequestDialog. */
  actions?: ReactNode;
}

/** A data connection: classification, owner, licence, freshness, its schema (personal fields marked) and a preview of its records. */
export function DataConnectionCard({
  connection,
  href,
  renderLink,
  headingLevel = 3,
  showSchema = true,
  showPreview = true,
  actions,
}: DataConnectionCardProps) {
  const { t } = useTranslation('maru-ui');
  const format = useUiFormat();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="maru-card maru-data-card">
      <div className="maru-card__meta">
        <StatusBadge kind="classification" status={connection.classification} />
        <StatusBadge kind="dataConnection" status={connection.status} />
      </div>
      <Heading className="maru-card__title">
        {href ? (
          <MaruLink href={href} renderLink={renderLink} className="maru-card__link">
            {connection.name}
          </MaruLink>
        ) : (
          connection.name
        )}
      </Heading>
      <p className="maru-card__subtitle">{connection.agency.name}</p>
      <Markdown text={connection.description} className="maru-card__summary" headingLevel={headingLevel + 1} />
      <p className="maru-card__subtitle">{t(`data.classificationNote.${connection.classification}`)}</p>
      <dl className="maru-facts">
        <div>
          <dt>{t('data.records')}</dt>
          <dd>{format.number(connection.recordCount)}</dd>
        </div>
        <div>
          <dt>{t('data.licence')}</dt>
          <dd>
            <LicenceMark licence={connection.licence} />
          </dd>
        </div>
        {connection.lastSuccessAt ? (
          <div>
            <dt>{t('data.lastSync')}</dt>
            <dd>
              <KoreanTime value={connection.lastSuccessAt} />
            </dd>
          </div>
        ) : null}
      </dl>
      {connection.lastError ? (
        <p className="maru-notice maru-notice--danger">
          <strong>{t('data.lastError')}</strong> {connection.lastError}
        </p>
      ) : null}
      {connection.tags.length ? (
        <ul className="maru-tags" aria-label={t('challenge.tags')}>
          {connection.tags.map((tag) => (
            <li key={tag} className="maru-tag">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      {showSchema && connection.fields.length ? (
        <DataSchemaTable fields={connection.fields} keyField={connection.keyField} />
      ) : null}
      {showPreview && connection.preview ? (
        <DataPreviewTable fields={connection.fields} records={connection.preview} />
      ) : null}
      {actions ? <div className="maru-card__actions">{actions}</div> : null}
    </article>
  );
}
