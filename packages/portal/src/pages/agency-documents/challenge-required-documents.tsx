import { Link } from 'react-router';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { ChallengeRequiredDocumentsDocument } from './agency-document-queries';
import { RequiredDocumentsPanel } from './required-documents-panel';
import { RequirementList } from './required-documents-section';
import './agency-documents.css';

/**
 * On a challenge's page, for those who manage it: the documents entrants present, a way to change them, and where
 * the documents presented are checked. Loads what it shows, so the page places it with one line.
 */
export function ChallengeRequiredDocuments({ challengeId, title }: { challengeId: string; title: string }) {
  const { t } = useT();
  const challenge = useQuery(ChallengeRequiredDocumentsDocument, { id: challengeId });
  const required = challenge.data?.challenge?.requiredDocuments;
  if (!required) return null;
  return (
    <div className="agency-documents__on-challenge" id="required-documents">
      <h3>{t('agencyDocuments.required.onChallenge')}</h3>
      <RequirementList requirements={required} />
      <details className="agency-documents__disclosure">
        <summary>{t('agencyDocuments.required.change')}</summary>
        <RequiredDocumentsPanel
          challengeId={challengeId}
          title={title}
          requiredDocuments={required}
          onSaved={challenge.reload}
        />
      </details>
      <p>
        <Link to="/manage/documents#received">{t('agencyDocuments.required.receivedLink')}</Link>
      </p>
    </div>
  );
}
