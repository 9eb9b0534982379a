import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { MyData } from './my-data';
import { SubjectKeyForm } from './subject-key-form';
import { storeSubjectKey, storedSubjectKey } from './subject-key-storage';
import './citizen.css';

/**
 * A person's own data page: with the subject key the agency gave them, their consents (revocable) and who read their
 * data. No account: the key is kept in this tab only and sent as the request's bearer.
 */
export function MyDataPage() {
  const { t } = useT();
  usePageTitle(t('citizen.title'));
  const [key, setKey] = useState<string | null>(() => storedSubjectKey());
  const [refused, setRefused] = useState<string | null>(null);
  const use = (next: string | null) => {
    storeSubjectKey(next);
    setKey(next);
  };
  return (
    <div className="page citizen">
      <Breadcrumbs current={t('citizen.title')} />
      <h1>{t('citizen.title')}</h1>
      {key ? (
        <MyData
          subjectKey={key}
          onForget={() => {
            setRefused(null);
            use(null);
          }}
          onRefused={(code) => {
            setRefused(code);
            use(null);
          }}
        />
      ) : (
        <SubjectKeyForm
          refused={refused}
          onKey={(next) => {
            setRefused(null);
            use(next);
          }}
        />
      )}
    </div>
  );
}
