import { useEffect } from 'react';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { MyConsents } from './my-consents';
import { MyDataReads } from './my-data-reads';
import { MyDataDocument, MyDataReadsDocument } from './citizen-queries';

/** What the key shows: who issued it, my consents, who read my data. */
export function MyData({
  subjectKey,
  onForget,
  onRefused,
}: {
  subjectKey: string;
  onForget: () => void;
  onRefused: (code: string) => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const result = useQuery(MyDataDocument, undefined, { bearer: subjectKey });
  const reads = useQuery(MyDataReadsDocument, undefined, { bearer: subjectKey, skip: !result.data });
  const code = result.error?.code;
  useEffect(() => {
    // An unknown or revoked key: forget it and ask again, saying why.
    if (code === 'UNAUTHENTICATED') onRefused(code);
  }, [code, onRefused]);
  const subject = result.data?.dataSubject;
  if (result.error && code !== 'UNAUTHENTICATED') {
    return (
      <div role="alert" className="maru-form-alert">
        <p>{explain(result.error)}</p>
        <button type="button" className="maru-button maru-button--secondary" onClick={result.reload}>
          {t('citizen.retry')}
        </button>
      </div>
    );
  }
  if (!subject) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <div className="maru-notice citizen-who">
        <p>{t('citizen.issuedBy', { agency: subject.issuedBy.name })}</p>
        <p>
          {t('citizen.subjectId')} <code>{subject.subjectId}</code>
        </p>
        <button type="button" className="maru-button maru-button--secondary" onClick={onForget}>
          {t('citizen.forget')}
        </button>
      </div>
      <MyConsents consents={subject.consents.nodes} subjectKey={subjectKey} onChanged={result.reload} />
      {reads.error ? <p className="maru-form-alert">{explain(reads.error)}</p> : null}
      {reads.data ? (
        <MyDataReads
          entries={reads.data.dataSubject.accessLog.nodes}
          total={reads.data.dataSubject.accessLog.totalCount}
          myConsents={subject.consents.nodes}
        />
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </>
  );
}
