import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { useFlash } from '../../forms/flash';
import { TextInput } from '../../forms/text-input';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { ManagedConnection } from './connection-types';
import { UpdateDataConnectionDocument } from './data-admin-queries';

/** Edit what people read about the dataset and how often it syncs; pause or resume scheduled syncs. */
export function ConnectionEditForm({ connection, onSaved }: { connection: ManagedConnection; onSaved: () => void }) {
  const { t } = useT();
  const explain = useErrorText();
  const flash = useFlash();
  const update = useMutation(UpdateDataConnectionDocument);
  const [name, setName] = useState(connection.name);
  const [description, setDescription] = useState(connection.description);
  const [licence, setLicence] = useState(connection.licence);
  const [refresh, setRefresh] = useState(connection.refreshMinutes ? String(connection.refreshMinutes) : '');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const paused = connection.status === 'PAUSED';
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found['edit-name'] = t('dataAdmin.form.errors.name');
    if (!licence.trim()) found['edit-licence'] = t('dataAdmin.form.errors.licence');
    if (refresh && (!/^\d+$/.test(refresh) || Number(refresh) < 5))
      found['edit-refresh'] = t('dataAdmin.form.errors.refresh');
    setProblems(found);
    if (Object.keys(found).length) return;
    const result = await update.run({
      id: connection.id,
      input: {
        name: name.trim(),
        description: description.trim(),
        licence: licence.trim(),
        refreshMinutes: refresh ? Number(refresh) : null,
        expectedVersion: connection.version,
      },
    });
    if (!result) return;
    flash(t('dataAdmin.edit.saved', { name: name.trim() }));
    onSaved();
  };
  const togglePause = async () => {
    const result = await update.run({ id: connection.id, input: { paused: !paused } });
    if (!result) return;
    flash(paused ? t('dataAdmin.edit.resumed') : t('dataAdmin.edit.pausedDone'));
    onSaved();
  };
  const summary: FormProblem[] = [
    ...Object.entries(problems).map(([fieldId, message]) => ({ message, fieldId })),
    ...(update.error ? [{ message: explain(update.error) }] : []),
  ];
  return (
    <section className="section" aria-labelledby="edit">
      <h2 id="edit" tabIndex={-1}>
        {t('dataAdmin.edit.title')}
      </h2>
      <form className="maru-form" noValidate onSubmit={(event) => void save(event)} aria-labelledby="edit">
        <ErrorSummary problems={summary} />
        <TextInput
          id="edit-name"
          label={t('dataAdmin.form.name')}
          error={problems['edit-name']}
          required
          value={name}
          onChange={setName}
        />
        <div className="maru-field">
          <label className="maru-field__label" htmlFor="edit-description">
            {t('dataAdmin.form.description')}
          </label>
          <textarea
            id="edit-description"
            rows={4}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <TextInput
          id="edit-licence"
          label={t('dataAdmin.form.licence')}
          hint={t('dataAdmin.form.licenceHint')}
          error={problems['edit-licence']}
          required
          value={licence}
          onChange={setLicence}
        />
        <TextInput
          id="edit-refresh"
          type="number"
          inputMode="numeric"
          min={5}
          label={t('dataAdmin.form.refresh')}
          hint={t('dataAdmin.form.refreshHint')}
          error={problems['edit-refresh']}
          value={refresh}
          onChange={setRefresh}
          className="maru-input--short"
        />
        <div className="button-row">
          <button type="submit" className="maru-button" disabled={update.running}>
            {update.running ? t('common.working') : t('dataAdmin.edit.save')}
          </button>
          <button
            type="button"
            className="maru-button maru-button--secondary"
            disabled={update.running}
            onClick={() => void togglePause()}
          >
            {paused ? t('dataAdmin.edit.resume') : t('dataAdmin.edit.pause')}
          </button>
        </div>
      </form>
    </section>
  );
}
