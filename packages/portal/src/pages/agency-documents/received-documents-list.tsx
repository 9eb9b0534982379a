import { KoreanTime } from '@maru/ui';
import { useState } from 'react';
import type { VerifyPresentationMutation } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { formatKoreaTime } from '../../format/korea-time';
import { useT } from '../../i18n/use-t';
import { ReceivedPresentationsDocument, VerifyPresentationDocument } from './agency-document-queries';
import { useRefusalText } from './refusal-text';
import { useTypeName } from './use-type-name';
import { Verdict } from './verdict';
import { verdictOf } from './verdict-of';

/**
 * The documents presented to one target of the viewer's organization — a challenge, a submission, a data or service
 * access request — each with a button that checks it with its issuer and the verdict in people's words. Placeable
 * wherever the target is decided: `<ReceivedDocumentsList targetId={…} title={…} />`.
 */
export function ReceivedDocumentsList({ targetId, title }: { targetId: string; title: string }) {
  const { t } = useT();
  const refusal = useRefusalText();
  const received = useQuery(ReceivedPresentationsDocument, { targetId });
  const nodes = received.data?.receivedDocumentPresentations.nodes ?? [];
  if (received.error) return <p role="alert">{refusal(received.error)}</p>;
  if (!received.data) return <p className="muted">{t('common.loading')}</p>;
  if (nodes.length === 0) return <p className="muted">{t('agencyDocuments.received.none')}</p>;
  return (
    <ul className="plain-list" aria-label={t('agencyDocuments.received.caption', { title })}>
      {nodes.map((presentation) => (
        <PresentationCard key={presentation.id} presentation={presentation} />
      ))}
    </ul>
  );
}

interface Presentation {
  id: string;
  documentType: string;
  purpose: string;
  presentedAt: string;
  holderOrganization?: { name: string } | null;
  latestVerification?: { at: string; valid: boolean; reason?: string | null } | null;
}

type Checked = VerifyPresentationMutation['verifyDocumentPresentation'];

function PresentationCard({ presentation }: { presentation: Presentation }) {
  const { t, i18n } = useT();
  const typeName = useTypeName();
  const refusal = useRefusalText();
  const verify = useMutation(VerifyPresentationDocument);
  const [checked, setChecked] = useState<Checked | null>(null);
  const latest = checked?.presentation.latestVerification ?? presentation.latestVerification ?? null;
  const holder = presentation.holderOrganization?.name ?? t('agencyDocuments.received.unknownHolder');
  const subject = subjectOf(checked?.content);
  return (
    <li className="maru-card agency-documents__card">
      <h4 className="maru-card__title">
        {typeName(presentation.documentType)} · {holder}
      </h4>
      <dl className="facts">
        <dt>{t('agencyDocuments.received.from')}</dt>
        <dd>{holder}</dd>
        <dt>{t('agencyDocuments.received.presentedAt')}</dt>
        <dd>
          <KoreanTime value={presentation.presentedAt} /> (
          {t(`myDocuments.purpose.${presentation.purpose}` as 'myDocuments.purpose.SUBMISSION')})
        </dd>
        <dt>{t('agencyDocuments.received.verdict')}</dt>
        <dd>
          {/* Announced when a check answers: the verdict is what the person asked for. */}
          <div role="status">
            {latest ? (
              <Verdict verdict={verdictOf(latest)} at={latest.at} />
            ) : (
              <span>{t('agencyDocuments.received.notChecked')}</span>
            )}
          </div>
        </dd>
      </dl>
      {checked ? (
        <div className="agency-documents__certified">
          <p>
            {t('agencyDocuments.received.issuedBy', {
              issuer: checked.issuerOrganization?.name ?? '—',
              at: formatKoreaTime(checked.issuedAt, i18n.language),
              until: formatKoreaTime(checked.validUntil, i18n.language),
            })}
          </p>
          {subject.length ? (
            <dl className="facts" aria-label={t('agencyDocuments.received.details')}>
              {subject.flatMap(([key, value]) => [
                <dt key={`${key}-t`}>{fieldLabel(t, key)}</dt>,
                <dd key={`${key}-d`}>{value}</dd>,
              ])}
            </dl>
          ) : null}
        </div>
      ) : null}
      {verify.error ? <p role="alert">{refusal(verify.error)}</p> : null}
      <div className="button-row">
        <button
          type="button"
          className="maru-button maru-button--secondary"
          disabled={verify.running}
          onClick={() =>
            void verify.run({ id: presentation.id }).then((done) => done && setChecked(done.verifyDocumentPresentation))
          }
        >
          {verify.running
            ? t('common.working')
            : latest
              ? t('agencyDocuments.received.verifyAgain')
              : t('agencyDocuments.received.verify')}
        </button>
      </div>
    </li>
  );
}

/** The subject fields a certificate states (`payload.subject`), as label/value pairs of text. */
function subjectOf(content: unknown): Array<[string, string]> {
  const subject = (content as { payload?: { subject?: Record<string, unknown> } } | null)?.payload?.subject;
  if (!subject || typeof subject !== 'object') return [];
  return Object.entries(subject)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => [key, String(value)]);
}

const KNOWN_FIELDS = [
  'businessRegistrationNumber',
  'companyName',
  'representativeName',
  'address',
  'name',
  'birthDate',
];

function fieldLabel(t: ReturnType<typeof useT>['t'], key: string): string {
  return KNOWN_FIELDS.includes(key)
    ? t(`agencyDocuments.fields.${key}.label` as 'agencyDocuments.fields.name.label')
    : key;
}
