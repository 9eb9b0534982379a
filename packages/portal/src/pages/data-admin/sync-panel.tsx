import { KoreanTime, StatusBadge } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { useFlash } from '../../forms/flash';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { ManagedConnection } from './connection-types';
import { SyncDataConnectionDocument, UploadDataFileDocument } from './data-admin-queries';
import { rowProblems, syncErrorKey } from './sync-words';

/** Sync now, a new file for a CSV dataset, and the history of syncs with what each read, kept and refused. */
export function SyncPanel({ connection, onChanged }: { connection: ManagedConnection; onChanged: () => void }) {
  const { t } = useT();
  const explain = useErrorText();
  const flash = useFlash();
  const sync = useMutation(SyncDataConnectionDocument);
  const upload = useMutation(UploadDataFileDocument);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  // A new input after each upload: a file input cannot be emptied by its value.
  const [inputRound, setInputRound] = useState(0);
  const syncs = connection.syncs.nodes;
  // A finished sync is said done at the top of the page; a failed one is no success: it is said here, as an alert.
  const [failed, setFailed] = useState(false);
  const syncNow = async () => {
    setFailed(false);
    const result = await sync.run({ id: connection.id });
    if (!result) return;
    const done = result.syncDataConnection.sync;
    if (done.status === 'FAILED') setFailed(true);
    else
      flash(
        t(`dataAdmin.sync.done.${done.status}`, {
          inserted: done.inserted,
          updated: done.updated,
          rejected: done.rejected,
        }),
      );
    onChanged();
  };
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileProblem(t('dataAdmin.form.errors.file'));
      return;
    }
    setFileProblem(null);
    const result = await upload.run({ id: connection.id, file });
    if (!result) return;
    flash(t('dataAdmin.sync.uploaded', { name: file.name }));
    setFile(null);
    setInputRound((n) => n + 1);
    onChanged();
  };
  const problems: FormProblem[] = [
    ...(fileProblem ? [{ message: fileProblem, fieldId: 'sync-file' }] : []),
    ...(upload.error
      ? [
          {
            message: upload.error.code === 'CONFLICT' ? t('dataAdmin.sync.busy') : explain(upload.error),
            fieldId: 'sync-file',
          },
        ]
      : []),
  ];
  return (
    <section className="section" aria-labelledby="sync">
      <h2 id="sync" tabIndex={-1}>
        {t('dataAdmin.sync.title')}
      </h2>
      <p>{t('dataAdmin.sync.intro')}</p>
      {failed ? (
        <p className="maru-form-alert" role="alert">
          {t('dataAdmin.sync.done.FAILED')}
        </p>
      ) : null}
      {sync.error ? (
        <p className="maru-form-alert" role="alert">
          {sync.error.code === 'CONFLICT' ? t('dataAdmin.sync.busy') : explain(sync.error)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="maru-button" disabled={sync.running} onClick={() => void syncNow()}>
          {sync.running ? t('dataAdmin.sync.running') : t('dataAdmin.sync.now')}
        </button>
      </div>
      {connection.connectorKind === 'CSV' ? (
        <form className="maru-form" noValidate onSubmit={(event) => void send(event)} aria-labelledby="sync-upload">
          <h3 id="sync-upload">{t('dataAdmin.sync.uploadTitle')}</h3>
          <ErrorSummary problems={problems} />
          <div className={`maru-field${problems.length ? ' maru-field--invalid' : ''}`}>
            <label className="maru-field__label" htmlFor="sync-file">
              {t('dataAdmin.form.file')}
            </label>
            <p className="maru-field__hint" id="sync-file-hint">
              {t('dataAdmin.sync.uploadHint')}
            </p>
            {fileProblem ? (
              <p className="maru-field__error" id="sync-file-error">
                {fileProblem}
              </p>
            ) : null}
            <input
              key={inputRound}
              id="sync-file"
              type="file"
              accept=".csv,text/csv"
              aria-invalid={problems.length ? true : undefined}
              aria-describedby={`sync-file-hint${fileProblem ? ' sync-file-error' : ''}`}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <button type="submit" className="maru-button maru-button--secondary" disabled={upload.running}>
            {upload.running ? t('common.working') : t('dataAdmin.sync.upload')}
          </button>
        </form>
      ) : null}
      <h3 id="sync-history">{t('dataAdmin.sync.history')}</h3>
      {syncs.length === 0 ? (
        <p>{t('dataAdmin.sync.none')}</p>
      ) : (
        <div className="maru-table-scroll" tabIndex={0} role="region" aria-labelledby="sync-history">
          <table className="maru-table">
            <thead>
              <tr>
                <th scope="col">{t('dataAdmin.sync.started')}</th>
                <th scope="col">{t('dataAdmin.sync.result')}</th>
                <th scope="col">{t('dataAdmin.sync.trigger')}</th>
                <th scope="col" className="maru-table__number">
                  {t('dataAdmin.sync.read')}
                </th>
                <th scope="col" className="maru-table__number">
                  {t('dataAdmin.sync.kept')}
                </th>
                <th scope="col" className="maru-table__number">
                  {t('dataAdmin.sync.rejected')}
                </th>
              </tr>
            </thead>
            <tbody>
              {syncs.map((run) => {
                const why = syncErrorKey(run.error);
                return (
                  <tr key={run.id}>
                    <td>
                      <KoreanTime value={run.startedAt} />
                    </td>
                    <td>
                      <StatusBadge kind="sync" status={run.status} />
                      {run.error ? (
                        <span className="data-admin-table__error">{why ? t(why) : t('dataAdmin.syncError.other')}</span>
                      ) : null}
                      {run.error ? (
                        <details className="data-admin-detail">
                          <summary>{t('dataAdmin.technicalDetail')}</summary>
                          <p lang="en">{run.error}</p>
                        </details>
                      ) : null}
                      {run.problems.length ? (
                        <details className="data-admin-detail">
                          <summary>{t('dataAdmin.sync.problems', { count: run.rejected })}</summary>
                          <ul className="data-admin-problems">
                            {run.problems.slice(0, 20).map((problem) => (
                              <li key={problem.position}>
                                {t('dataAdmin.sync.problemAt', { position: problem.position.replace(/^line /, '') })}{' '}
                                {rowProblems(problem.reason).map((part, i) => (
                                  <span key={i}>
                                    {i ? '; ' : ''}
                                    {'key' in part ? (
                                      t(part.key, {
                                        ...part.params,
                                        ...(part.params.type
                                          ? { type: t(`dataAdmin.fieldType.${part.params.type as 'DATE'}`) }
                                          : {}),
                                      })
                                    ) : (
                                      <span lang="en">{part.text}</span>
                                    )}
                                  </span>
                                ))}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                    <td>{t(`dataAdmin.sync.triggers.${run.trigger as 'MANUAL'}`)}</td>
                    <td className="maru-table__number">{run.read}</td>
                    <td className="maru-table__number">{run.inserted + run.updated}</td>
                    <td className="maru-table__number">{run.rejected}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
