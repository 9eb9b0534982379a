import { AsyncState, DateTime, FormErrorSummary } from '@maru/ui';
import { useState } from 'react';
import { toErrorText, toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import {
  ChallengesRequiringDocumentsDocument,
  DocumentUsesDocument,
  HeldDocumentsDocument,
  PresentDocumentDocument,
} from './document-queries';

/** 내 서류: documents issued to the member's organization, presented by reference, and who used them when. */
export function MyDocumentsPage() {
  const { t } = useT();
  usePageTitle(t('myDocuments.title'));
  return (
    <div className="page">
      <SignInRequired>
        <MyDocuments />
      </SignInRequired>
    </div>
  );
}

function MyDocuments() {
  const { t } = useT();
  const held = useQuery(HeldDocumentsDocument);
  // Bumped after a presentation: the logs load again.
  const [presented, setPresented] = useState(0);
  const nodes = held.data?.heldDocuments.nodes ?? [];
  return (
    <>
      <h1>{t('myDocuments.title')}</h1>
      <p>{t('myDocuments.intro')}</p>
      <AsyncState
        loading={held.loading && !held.data}
        error={toErrorText(held.error)}
        onRetry={held.reload}
        empty={nodes.length === 0}
        emptyMessage={t('myDocuments.empty')}
      >
        <ul className="plain-list maru-stack">
          {nodes.map((document) => (
            <li key={document.id} className="maru-card">
              <p className="maru-card__meta">
                {t(`myDocuments.status.${document.status}` as 'myDocuments.status.VALID')}
              </p>
              <h2 className="maru-card__title">{document.typeName}</h2>
              <p className="muted">
                {t('myDocuments.issuedBy', { issuer: document.issuerOrganization?.name ?? '—' })} ·{' '}
                <DateTime value={document.issuedAt} /> – <DateTime value={document.validUntil} />
              </p>
              {document.status === 'VALID' ? (
                <PresentForm
                  documentId={document.id}
                  type={document.type}
                  onPresented={() => setPresented((n) => n + 1)}
                />
              ) : null}
              <UseLog documentId={document.id} key={`${document.id}-${presented}`} />
            </li>
          ))}
        </ul>
      </AsyncState>
    </>
  );
}

function PresentForm(props: { documentId: string; type: string; onPresented: () => void }) {
  const { t } = useT();
  const challenges = useQuery(ChallengesRequiringDocumentsDocument);
  const present = useMutation(PresentDocumentDocument);
  const [target, setTarget] = useState('');
  const [consent, setConsent] = useState(false);
  const options = (challenges.data?.challenges.nodes ?? []).filter((c) =>
    c.requiredDocuments.some((r) => r.type === props.type),
  );
  if (options.length === 0) return null;
  const id = `present-${props.documentId}`;
  return (
    <form
      className="maru-stack"
      onSubmit={(event) => {
        event.preventDefault();
        void present
          .run({ input: { documentId: props.documentId, purpose: 'CHALLENGE_ELIGIBILITY', targetId: target, consent } })
          .then((done) => done && props.onPresented());
      }}
    >
      <FormErrorSummary error={toFormError(present.error)} />
      <label htmlFor={`${id}-target`}>{t('myDocuments.presentTo')}</label>
      <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)} required>
        <option value="">{t('myDocuments.chooseChallenge')}</option>
        {options.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <label>
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
        {t('myDocuments.consent')}
      </label>
      <button type="submit" className="maru-button" disabled={present.running || !target}>
        {t('myDocuments.present')}
      </button>
    </form>
  );
}

interface Use {
  id: string;
  purpose: string;
  presentedAt: string;
  recipientOrganization?: { name: string } | null;
  latestVerification?: {
    at: string;
    valid: boolean;
    reason?: string | null;
    verifierOrganization?: { name: string } | null;
  } | null;
}

function UseLog({ documentId }: { documentId: string }) {
  const { t } = useT();
  const uses = useQuery(DocumentUsesDocument, { id: documentId });
  const node = uses.data?.node;
  const presentations: Use[] = node && 'presentations' in node ? node.presentations.nodes : [];
  if (!uses.data) return null;
  if (presentations.length === 0) return <p className="muted">{t('myDocuments.notUsed')}</p>;
  return (
    <table className="maru-table">
      <caption>{t('myDocuments.log')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('myDocuments.when')}</th>
          <th scope="col">{t('myDocuments.who')}</th>
          <th scope="col">{t('myDocuments.what')}</th>
        </tr>
      </thead>
      <tbody>
        {presentations.flatMap((p) => [
          <tr key={p.id}>
            <td>
              <DateTime value={p.presentedAt} />
            </td>
            <td>{p.recipientOrganization?.name ?? t('myDocuments.platform')}</td>
            <td>
              {t('myDocuments.presented', {
                purpose: t(`myDocuments.purpose.${p.purpose}` as 'myDocuments.purpose.SUBMISSION'),
              })}
            </td>
          </tr>,
          ...(p.latestVerification ? [p.latestVerification] : []).map((v) => (
            <tr key={`${p.id}-${v.at}`}>
              <td>
                <DateTime value={v.at} />
              </td>
              <td>{v.verifierOrganization?.name ?? '—'}</td>
              <td>
                {v.valid
                  ? t('myDocuments.verifiedValid')
                  : t('myDocuments.verifiedInvalid', { reason: v.reason ?? '' })}
              </td>
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}
