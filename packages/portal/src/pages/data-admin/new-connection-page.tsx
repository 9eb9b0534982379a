import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { ChoiceGroup } from '../../forms/choice-group';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { TextInput } from '../../forms/text-input';
import type { DataClassification } from '../../gql/graphql';
import { GraphqlRequestError, graphqlRequest } from '../../graphql/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT, type MessageKey } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { ConnectorFields } from './connector-fields';
import { REQUIRED_OF, SOURCE_KINDS, connectorInput, type SourceKind, type SourceSettings } from './connector-settings';
import { CreateDataConnectionDocument, UploadDataFileDocument } from './data-admin-queries';
import { FieldRows, type FieldRow } from './field-rows';
import './data-admin.css';

const CLASSIFICATIONS: readonly DataClassification[] = ['PUBLIC', 'INTERNAL', 'RESTRICTED', 'PERSONAL'];
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Connect a dataset: by upload, by a path in the import folder, by HTTP, from MongoDB or through a plugin. */
export function NewConnectionPage() {
  const { t } = useT();
  usePageTitle(t('dataAdmin.newTitle'));
  return (
    <div className="page">
      <SignInRequired roles={['AGENCY_ADMIN']}>
        <NewConnection />
      </SignInRequired>
    </div>
  );
}

/** Where a hub refusal's field (e.g. `connector.path`, `input.keyField`) is on this form. */
function fieldIdOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const last = field.split('.').pop()!;
  const ids: Record<string, string> = {
    name: 'conn-name',
    licence: 'conn-licence',
    keyField: 'conn-key',
    subjectField: 'conn-subject',
    refreshMinutes: 'conn-refresh',
    fields: 'fields-add',
    file: 'conn-file',
  };
  return ids[last] ?? (field.startsWith('connector') ? `source-${last}` : undefined);
}

/** Waits a moment: a sync the scheduler started on the new connection finishes before the upload's. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function NewConnection() {
  const { t } = useT();
  const explain = useErrorText();
  const navigate = useNavigate();
  const { viewer } = useSession();
  const [kind, setKind] = useState<SourceKind>('UPLOAD');
  const [settings, setSettings] = useState<SourceSettings>({});
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [licence, setLicence] = useState('KOGL-Type1');
  const [classification, setClassification] = useState<DataClassification>('PUBLIC');
  const [keyField, setKeyField] = useState('');
  const [subjectField, setSubjectField] = useState('');
  const [refresh, setRefresh] = useState('');
  const [rows, setRows] = useState<FieldRow[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<GraphqlRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const personal = classification === 'PERSONAL';

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('dataAdmin.form.errors.name');
    if (!licence.trim()) found.licence = t('dataAdmin.form.errors.licence');
    if (!FIELD_NAME.test(keyField.trim())) found.keyField = t('dataAdmin.form.errors.keyField');
    if (personal && !FIELD_NAME.test(subjectField.trim())) found.subjectField = t('dataAdmin.form.errors.subjectField');
    if (refresh && (!/^\d+$/.test(refresh) || Number(refresh) < 5)) found.refresh = t('dataAdmin.form.errors.refresh');
    if (kind === 'UPLOAD' && !file) found.file = t('dataAdmin.form.errors.file');
    for (const setting of REQUIRED_OF[kind])
      if (!settings[setting]?.trim()) found[`source-${setting}`] = t(`dataAdmin.form.errors.required`);
    if (rows.some((row) => !FIELD_NAME.test(row.name.trim()))) found.fields = t('dataAdmin.form.errors.fieldName');
    else if (personal && !rows.some((row) => row.personal)) found.fields = t('dataAdmin.form.errors.personalFields');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const found = check();
    let connector: ReturnType<typeof connectorInput> | null = null;
    try {
      connector = connectorInput(kind, settings);
    } catch {
      found['source-pluginConfig'] = t('dataAdmin.form.errors.json');
    }
    setProblems(found);
    if (Object.keys(found).length || !connector || !viewer) return;
    setBusy(true);
    try {
      const created = await graphqlRequest(CreateDataConnectionDocument, {
        input: {
          agencyId: viewer.organization.id,
          name: name.trim(),
          description: description.trim(),
          licence: licence.trim(),
          classification,
          keyField: keyField.trim(),
          ...(personal ? { subjectField: subjectField.trim() } : {}),
          ...(refresh ? { refreshMinutes: Number(refresh) } : {}),
          ...(rows.length
            ? {
                fields: rows.map((row) => ({
                  name: row.name.trim(),
                  type: row.type,
                  personal: personal && row.personal,
                })),
              }
            : {}),
          connector,
        },
      });
      const id = created.createDataConnection.dataConnection.id;
      if (kind === 'UPLOAD' && file) {
        // The scheduler may be syncing the new connection this very moment (CONFLICT): try again shortly.
        for (let attempt = 0; ; attempt++) {
          try {
            await graphqlRequest(UploadDataFileDocument, { id, file });
            break;
          } catch (error) {
            if (!(error instanceof GraphqlRequestError) || error.code !== 'CONFLICT' || attempt >= 5) {
              navigate(
                `/manage/data/${encodeURIComponent(id)}?uploadFailed=${encodeURIComponent((error as GraphqlRequestError).code ?? 'INTERNAL')}`,
              );
              return;
            }
            await pause(1000);
          }
        }
      }
      navigate(`/manage/data/${encodeURIComponent(id)}?created=1`);
    } catch (error) {
      setRefusal(error instanceof GraphqlRequestError ? error : new GraphqlRequestError('INTERNAL', String(error)));
    } finally {
      setBusy(false);
    }
  };

  const labelOf = (key: string) => {
    const ids: Record<string, string> = {
      name: 'conn-name',
      licence: 'conn-licence',
      keyField: 'conn-key',
      subjectField: 'conn-subject',
      refresh: 'conn-refresh',
      file: 'conn-file',
      fields: 'fields-add',
    };
    return ids[key] ?? key;
  };
  const summary: FormProblem[] = [
    ...Object.entries(problems).map(([key, message]) => ({ message, fieldId: labelOf(key) })),
    ...(refusal
      ? [{ message: explain(refusal), ...(fieldIdOf(refusal.field) ? { fieldId: fieldIdOf(refusal.field)! } : {}) }]
      : []),
  ];
  const kindText = (key: 'label' | 'hint', value: SourceKind) => t(`dataAdmin.source.${value}.${key}` as MessageKey);

  return (
    <>
      <Breadcrumbs
        trail={[
          { to: '/manage', label: t('dataAdmin.manageCrumb') },
          { to: '/manage/data', label: t('dataAdmin.listTitle') },
        ]}
        current={t('dataAdmin.newTitle')}
      />
      <h1>{t('dataAdmin.newTitle')}</h1>
      <p className="maru-lead">{t('dataAdmin.newIntro')}</p>
      <form className="maru-form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary problems={summary} />
        <ChoiceGroup
          id="source-kind"
          type="radio"
          legend={t('dataAdmin.form.kind')}
          choices={SOURCE_KINDS.map((value) => ({
            value,
            label: kindText('label', value),
            hint: kindText('hint', value),
          }))}
          value={[kind]}
          onChange={(next) => setKind(next[0] ?? 'UPLOAD')}
        />
        <ConnectorFields
          kind={kind}
          settings={settings}
          onChange={setSettings}
          problems={problems}
          file={file}
          onFile={setFile}
        />
        <TextInput
          id="conn-name"
          label={t('dataAdmin.form.name')}
          error={problems.name}
          required
          value={name}
          onChange={setName}
        />
        <div className="maru-field">
          <label className="maru-field__label" htmlFor="conn-description">
            {t('dataAdmin.form.description')}
          </label>
          <p className="maru-field__hint" id="conn-description-hint">
            {t('dataAdmin.form.descriptionHint')}
          </p>
          <textarea
            id="conn-description"
            rows={4}
            aria-describedby="conn-description-hint"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <ChoiceGroup
          id="conn-classification"
          type="radio"
          legend={t('dataAdmin.form.classification')}
          choices={CLASSIFICATIONS.map((value) => ({
            value,
            label: t(`classification.${value}`),
            hint: t(`dataAdmin.classificationHint.${value}`),
          }))}
          value={[classification]}
          onChange={(next) => setClassification(next[0] ?? 'PUBLIC')}
        />
        <TextInput
          id="conn-licence"
          label={t('dataAdmin.form.licence')}
          hint={t('dataAdmin.form.licenceHint')}
          error={problems.licence}
          required
          value={licence}
          onChange={setLicence}
        />
        <TextInput
          id="conn-key"
          label={t('dataAdmin.form.keyField')}
          hint={t('dataAdmin.form.keyFieldHint')}
          error={problems.keyField}
          required
          value={keyField}
          onChange={setKeyField}
          spellCheck={false}
          autoComplete="off"
        />
        {personal ? (
          <TextInput
            id="conn-subject"
            label={t('dataAdmin.form.subjectField')}
            hint={t('dataAdmin.form.subjectFieldHint')}
            error={problems.subjectField}
            required
            value={subjectField}
            onChange={setSubjectField}
            spellCheck={false}
            autoComplete="off"
          />
        ) : null}
        <FieldRows rows={rows} onChange={setRows} personalAllowed={personal} error={problems.fields} />
        <TextInput
          id="conn-refresh"
          type="number"
          inputMode="numeric"
          min={5}
          label={t('dataAdmin.form.refresh')}
          hint={t('dataAdmin.form.refreshHint')}
          error={problems.refresh}
          value={refresh}
          onChange={setRefresh}
          className="maru-input--short"
        />
        <button type="submit" className="maru-button" disabled={busy}>
          {busy ? t('common.working') : t('dataAdmin.form.submit')}
        </button>
      </form>
    </>
  );
}
