import { useState, type FormEvent } from 'react';
import type { ApiKeyMode, ApiKeyScope } from '../../gql/graphql';
import { ChoiceGroup } from '../../forms/choice-group';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { TextInput } from '../../forms/text-input';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { CreateMyApiKeyDocument } from './account-queries';
import { koreaDayEnd } from '../../format/korea-time';

const SCOPES: readonly ApiKeyScope[] = ['READ', 'WRITE', 'ADMIN'];
const MODES: readonly ApiKeyMode[] = ['TEST', 'LIVE'];

/** The end of the chosen day in Korea, as the hub's DateTime. */

/** Create one of my API keys: name, scopes, mode and an optional expiry. */
export function CreateApiKeyForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const { t } = useT();
  const explain = useErrorText();
  const create = useMutation(CreateMyApiKeyDocument);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['READ']);
  const [mode, setMode] = useState<ApiKeyMode>('TEST');
  const [expires, setExpires] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('apiKeys.errors.name');
    else if (name.trim().length > 100) found.name = t('apiKeys.errors.nameLong');
    if (scopes.length === 0) found.scopes = t('apiKeys.errors.scopes');
    if (expires && Date.parse(koreaDayEnd(expires)) <= Date.now()) found.expires = t('apiKeys.errors.expires');
    setProblems(found);
    if (Object.keys(found).length) return;
    const result = await create.run({
      input: { name: name.trim(), scopes, mode, ...(expires ? { expiresAt: koreaDayEnd(expires) } : {}) },
    });
    if (!result) return;
    setName('');
    setExpires('');
    onCreated(result.createApiKey.apiKey.name, result.createApiKey.secret);
  };
  const summary: FormProblem[] = [
    ...(problems.name ? [{ message: problems.name, fieldId: 'key-name' }] : []),
    ...(problems.scopes ? [{ message: problems.scopes, fieldId: 'key-scopes-0' }] : []),
    ...(problems.expires ? [{ message: problems.expires, fieldId: 'key-expires' }] : []),
    ...(create.error ? [{ message: explain(create.error) }] : []),
  ];
  return (
    <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-key">
      <h3 id="create-key">{t('apiKeys.createTitle')}</h3>
      <ErrorSummary problems={summary} />
      <TextInput
        id="key-name"
        label={t('apiKeys.name')}
        hint={t('apiKeys.nameHint')}
        error={problems.name}
        required
        value={name}
        onChange={setName}
        autoComplete="off"
      />
      <ChoiceGroup
        id="key-scopes"
        type="checkbox"
        legend={t('apiKeys.scopes')}
        hint={t('apiKeys.scopesHint')}
        error={problems.scopes}
        choices={SCOPES.map((scope) => ({
          value: scope,
          label: t(`apiKeyScope.${scope}`),
          hint: t(`apiKeyScopeHint.${scope}`),
        }))}
        value={scopes}
        onChange={setScopes}
      />
      <ChoiceGroup
        id="key-mode"
        type="radio"
        legend={t('apiKeys.mode')}
        choices={MODES.map((value) => ({ value, label: t(`apiKeyMode.${value}`), hint: t(`apiKeyModeHint.${value}`) }))}
        value={[mode]}
        onChange={(next) => setMode(next[0] ?? 'TEST')}
      />
      <TextInput
        id="key-expires"
        type="date"
        label={t('apiKeys.expiry')}
        hint={t('apiKeys.expiryHint')}
        error={problems.expires}
        value={expires}
        onChange={setExpires}
        className="maru-input--short"
      />
      <button type="submit" className="maru-button" disabled={create.running}>
        {create.running ? t('common.working') : t('apiKeys.create')}
      </button>
    </form>
  );
}
