import { KoreanTime } from '@maru/ui';
import type { MyDataReadsQuery } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';

type Entry = MyDataReadsQuery['dataSubject']['accessLog']['nodes'][number];

/** Who read my data: each read that returned my record, in plain words — which organization, when, why, what. */
export function MyDataReads({
  entries,
  total,
  myConsents,
}: {
  entries: Entry[];
  total: number;
  /** My consents: a read under one of them showed its fields; any other read had my personal details withheld. */
  myConsents: ReadonlyArray<{ id: string; fields: string[] }>;
}) {
  const { t } = useT();
  const shownUnder = (entry: Entry) => {
    const fields = myConsents.filter((consent) => entry.consentIds.includes(consent.id)).flatMap((c) => c.fields);
    return fields.length
      ? t('citizen.shownUnderConsent', { fields: [...new Set(fields)].join(', ') })
      : t('citizen.withheld');
  };
  const who = (entry: Entry) =>
    entry.actorKind === 'PLUGIN'
      ? t('citizen.byPlugin', { plugin: entry.actorPlugin ?? '' })
      : (entry.actorOrganization?.name ?? t('citizen.bySomeone'));
  return (
    <section className="section" aria-labelledby="my-reads">
      <h2 id="my-reads">{t('citizen.readsTitle')}</h2>
      <p>{t('citizen.readsIntro', { count: total })}</p>
      {entries.length === 0 ? <p>{t('citizen.readsNone')}</p> : null}
      <ol className="plain-list maru-stack citizen-reads">
        {entries.map((entry) => (
          <li key={entry.seq} className="maru-card citizen-card">
            <p className="citizen-read__when">
              <KoreanTime value={entry.at} />
            </p>
            <p className="maru-card__title">
              {t('citizen.readSentence', { who: who(entry), dataset: entry.dataConnection?.name ?? '—' })}
            </p>
            <dl className="maru-facts">
              <div>
                <dt>{t('citizen.why')}</dt>
                <dd>{entry.purpose ?? t('citizen.noPurpose')}</dd>
              </div>
              <div>
                <dt>{t('citizen.whatFields')}</dt>
                <dd>{entry.fields.length ? entry.fields.join(', ') : '—'}</dd>
              </div>
              {entry.outcome === 'SUCCESS' ? (
                <div>
                  <dt>{t('citizen.myDetails')}</dt>
                  <dd>{shownUnder(entry)}</dd>
                </div>
              ) : null}
              {entry.dataConnection?.agency ? (
                <div>
                  <dt>{t('citizen.heldBy')}</dt>
                  <dd>{entry.dataConnection.agency.name}</dd>
                </div>
              ) : null}
            </dl>
            {entry.outcome !== 'SUCCESS' ? <p className="muted">{t('citizen.refusedRead')}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
