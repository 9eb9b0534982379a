import { useState, type FormEvent } from 'react';
import { ConfirmAction } from '../../forms/confirm-action';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { useFlash } from '../../forms/flash';
import { TextInput } from '../../forms/text-input';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { ManagedConnection } from './connection-types';
import { IssueSubjectKeyDocument, RevokeSubjectKeysDocument } from './data-admin-queries';
import { SubjectKeyOnce } from './subject-key-once';

/**
 * Subject keys: a person whose records this agency holds gets a key (shown once) to see their consents and who read
 * their data on /me/data; a lost key is revoked (all keys this agency issued for the person).
 */
export function SubjectKeysPanel({ connection }: { connection: ManagedConnection }) {
  const { t } = useT();
  const explain = useErrorText();
  const flash = useFlash();
  const issue = useMutation(IssueSubjectKeyDocument);
  const revoke = useMutation(RevokeSubjectKeysDocument);
  const [subjectId, setSubjectId] = useState('');
  const [revokeId, setRevokeId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [revokeProblem, setRevokeProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ subjectId: string; key: string } | null>(null);
  // The hub refuses a person of whom the agency holds no personal record: say that, not only "cannot be accepted".
  const issueError = issue.error
    ? issue.error.code === 'BAD_USER_INPUT' && issue.error.field === 'subjectId'
      ? t('dataAdmin.keys.errors.noRecord')
      : explain(issue.error)
    : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!subjectId.trim()) {
      setProblem(t('dataAdmin.keys.errors.subject'));
      return;
    }
    setProblem(null);
    const result = await issue.run({ subjectId: subjectId.trim() });
    if (!result) return;
    setIssued(result.issueSubjectKey);
    setSubjectId('');
  };
  const issueProblems: FormProblem[] = [
    ...(problem ? [{ message: problem, fieldId: 'key-subject' }] : []),
    ...(issueError ? [{ message: issueError, fieldId: 'key-subject' }] : []),
  ];
  return (
    <section className="section" aria-labelledby="subject-keys">
      <h2 id="subject-keys" tabIndex={-1}>
        {t('dataAdmin.keys.title')}
      </h2>
      <p>{t('dataAdmin.keys.intro')}</p>
      {issued ? (
        <SubjectKeyOnce subjectId={issued.subjectId} secret={issued.key} onDone={() => setIssued(null)} />
      ) : (
        <form className="maru-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="issue-key">
          <h3 id="issue-key">{t('dataAdmin.keys.issueTitle')}</h3>
          <ErrorSummary problems={issueProblems} />
          <TextInput
            id="key-subject"
            label={t('dataAdmin.consents.subjectId')}
            hint={t('dataAdmin.keys.subjectHint', { field: connection.subjectField ?? '' })}
            error={problem ?? issueError ?? undefined}
            required
            value={subjectId}
            onChange={setSubjectId}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="maru-button" disabled={issue.running}>
            {issue.running ? t('common.working') : t('dataAdmin.keys.issue')}
          </button>
        </form>
      )}
      <div className="maru-form" role="group" aria-labelledby="revoke-keys">
        <h3 id="revoke-keys">{t('dataAdmin.keys.revokeTitle')}</h3>
        {revoke.error ? (
          <p className="maru-form-alert" role="alert">
            {explain(revoke.error)}
          </p>
        ) : null}
        <TextInput
          id="revoke-subject"
          label={t('dataAdmin.consents.subjectId')}
          hint={t('dataAdmin.keys.revokeHint')}
          error={revokeProblem ?? undefined}
          value={revokeId}
          onChange={(value) => {
            setRevokeId(value);
            setRevokeProblem(null);
          }}
          autoComplete="off"
          spellCheck={false}
        />
        {revokeId.trim() ? (
          <ConfirmAction
            label={t('dataAdmin.keys.revoke', { subject: revokeId.trim() })}
            question={t('dataAdmin.keys.revokeQuestion', { subject: revokeId.trim() })}
            summary={[
              { term: t('dataAdmin.consents.subjectId'), value: revokeId.trim() },
              { term: t('dataAdmin.keys.after'), value: t('dataAdmin.keys.afterValue') },
            ]}
            note={t('dataAdmin.keys.revokeNote')}
            confirmLabel={t('dataAdmin.keys.revokeConfirm')}
            onConfirm={async () => {
              const result = await revoke.run({ subjectId: revokeId.trim() });
              if (result === null) return false;
              if (result.revokeSubjectKeys === 0) {
                setRevokeProblem(t('dataAdmin.keys.noneToRevoke', { subject: revokeId.trim() }));
                return true;
              }
              flash(t('dataAdmin.keys.revoked', { subject: revokeId.trim(), count: result.revokeSubjectKeys }));
              setRevokeId('');
              return true;
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
