import { useTranslation } from 'react-i18next';
import { DateTime } from '../common/date-time';
import { ItemList, type ListProps } from '../common/item-list';
import { StatusBadge } from '../common/status-badge';
import { useUiFormat } from '../i18n/use-ui-format';

/** One read of records (`DataAccessLogEntry`): who, what, under which basis, how many, whose. */
export interface AccessLogEntry {
  seq: number;
  at: string;
  /** MEMBER (through an API key), PLUGIN or ANONYMOUS. */
  actorKind: 'MEMBER' | 'PLUGIN' | 'ANONYMOUS' | (string & {});
  actorMemberId?: string | null;
  actorOrganization?: { name: string } | null;
  actorPlugin?: string | null;
  /** PUBLIC, INTERNAL, OWNER or APPROVAL. */
  basis?: 'PUBLIC' | 'INTERNAL' | 'OWNER' | 'APPROVAL' | (string & {}) | null;
  /** records, preview or plugin. */
  channel: 'records' | 'preview' | 'plugin' | (string & {});
  fields: string[];
  /** SUCCESS, or the code the read was refused with. */
  outcome: string;
  purpose?: string | null;
  recordCount: number;
  /** Data subjects whose personal fields were returned. */
  subjectIds: string[];
  dataConnection?: { name: string } | null;
}

export interface AccessLogListProps extends ListProps {
  entries: AccessLogEntry[];
}

const KNOWN_BASES = ['PUBLIC', 'INTERNAL', 'OWNER', 'APPROVAL'];
const KNOWN_CHANNELS = ['records', 'preview', 'plugin'];

/** Every read of a connection's records (or, for a data subject, of their personal data): newest first. */
export function AccessLogList({ entries, ...list }: AccessLogListProps) {
  const { t } = useTranslation('maru-ui');
  const format = useUiFormat();
  const who = (entry: AccessLogEntry) =>
    entry.actorKind === 'PLUGIN'
      ? t('accessLog.plugin', { plugin: entry.actorPlugin ?? '' })
      : entry.actorKind === 'ANONYMOUS'
        ? t('accessLog.anonymous')
        : (entry.actorOrganization?.name ?? entry.actorMemberId ?? t('accessLog.member'));
  return (
    <ItemList
      {...list}
      items={entries}
      itemKey={(entry) => entry.seq}
      label={t('accessLog.label')}
      defaultEmptyMessage={t('accessLog.empty')}
      layout="stack"
      renderItem={(entry) => (
        <article className="maru-card maru-access-log-entry">
          <div className="maru-card__meta">
            <StatusBadge kind="outcome" status={entry.outcome} />
            <span className="maru-card__subtitle">
              #{entry.seq} · <DateTime value={entry.at} />
            </span>
          </div>
          <p className="maru-card__title">
            {entry.dataConnection
              ? t('accessLog.readOf', {
                  who: who(entry),
                  records: format.number(entry.recordCount),
                  connection: entry.dataConnection.name,
                })
              : t('accessLog.read', { who: who(entry), records: format.number(entry.recordCount) })}
          </p>
          <dl className="maru-facts">
            <div>
              <dt>{t('accessLog.channel')}</dt>
              <dd>
                {KNOWN_CHANNELS.includes(entry.channel) ? t(`accessLog.channels.${entry.channel}`) : entry.channel}
              </dd>
            </div>
            {entry.basis ? (
              <div>
                <dt>{t('accessLog.basis')}</dt>
                <dd>{KNOWN_BASES.includes(entry.basis) ? t(`accessLog.bases.${entry.basis}`) : entry.basis}</dd>
              </div>
            ) : null}
            {entry.purpose ? (
              <div>
                <dt>{t('accessLog.purpose')}</dt>
                <dd>{entry.purpose}</dd>
              </div>
            ) : null}
            {entry.subjectIds.length ? (
              <div>
                <dt>{t('accessLog.subjects')}</dt>
                <dd>{entry.subjectIds.join(', ')}</dd>
              </div>
            ) : null}
          </dl>
          {entry.fields.length ? (
            <ul className="maru-tags" aria-label={t('accessLog.fields')}>
              {entry.fields.map((field) => (
                <li key={field} className="maru-tag">
                  <code className="maru-code">{field}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      )}
    />
  );
}
