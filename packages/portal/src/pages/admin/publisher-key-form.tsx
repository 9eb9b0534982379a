import { KoreanTime } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { TextInput } from '../../forms/text-input';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { CompaniesDocument, PublisherKeysDocument, RegisterPublisherKeyDocument } from './admin-queries';

const PEM = /^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*$/;

/** Trust a publisher's Ed25519 public key: plugins signed with it load from the next start. */
export function PublisherKeyForm() {
  const { t, i18n } = useT();
  const explain = useErrorText();
  const trusted = useQuery(PublisherKeysDocument);
  const register = useMutation(RegisterPublisherKeyDocument);
  const companies = useQuery(CompaniesDocument);
  const [keyId, setKeyId] = useState('');
  const [publisher, setPublisher] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    if (!keyId.trim()) found['key-id'] = t('pluginAdmin.keyMissing', { field: t('pluginAdmin.keyId') });
    if (!publisher.trim())
      found['key-publisher'] = t('pluginAdmin.keyMissing', { field: t('pluginAdmin.keyPublisher') });
    if (!PEM.test(publicKey.trim())) found['key-pem'] = t('pluginAdmin.keyNotPem');
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await register.run({
      keyId: keyId.trim(),
      publisher: publisher.trim(),
      publicKey: publicKey.trim(),
      ...(organizationId ? { organizationId } : {}),
    });
    if (!result) return;
    setDone(
      t('pluginAdmin.keyRegistered', {
        keyId: result.registerPublisherKey.keyId,
        publisher: result.registerPublisherKey.publisher,
      }),
    );
    setKeyId('');
    setPublisher('');
    setPublicKey('');
    setOrganizationId('');
    trusted.reload();
  };
  const problems: FormProblem[] = [
    ...Object.entries(errors).map(([fieldId, message]) => ({ message, fieldId })),
    ...(register.error ? [{ message: explain(register.error) }] : []),
  ];
  return (
    <section className="section" aria-labelledby="publisher-keys">
      <h2 id="publisher-keys">{t('pluginAdmin.keysTitle')}</h2>
      <p className="hint">{t('pluginAdmin.keysIntro')}</p>
      {trusted.error ? <p className="maru-form-alert">{explain(trusted.error)}</p> : null}
      {trusted.data && trusted.data.publisherKeys.length === 0 ? <p>{t('pluginAdmin.keysEmpty')}</p> : null}
      {trusted.data?.publisherKeys.length ? (
        <div className="maru-table-scroll" role="region" aria-labelledby="keys-list" tabIndex={0}>
          <table className="maru-table admin-table">
            <caption id="keys-list">{t('pluginAdmin.keysList')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pluginAdmin.keyId')}</th>
                <th scope="col">{t('pluginAdmin.keyPublisher')}</th>
                <th scope="col">{t('pluginAdmin.keyCompany')}</th>
                <th scope="col">{t('pluginAdmin.keyRegisteredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {trusted.data.publisherKeys.map((key) => (
                <tr key={key.keyId}>
                  <th scope="row">
                    <code className="maru-code">{key.keyId}</code>
                  </th>
                  <td>{key.publisher}</td>
                  <td>{key.organization?.name ?? '—'}</td>
                  <td>
                    <KoreanTime value={key.registeredAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorSummary problems={problems} />
      <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextInput
          id="key-id"
          label={t('pluginAdmin.keyId')}
          hint={t('pluginAdmin.keyIdHint')}
          required
          spellCheck={false}
          value={keyId}
          error={errors['key-id']}
          onChange={setKeyId}
        />
        <TextInput
          id="key-publisher"
          label={t('pluginAdmin.keyPublisher')}
          required
          value={publisher}
          error={errors['key-publisher']}
          onChange={setPublisher}
        />
        <div className={`maru-field${errors['key-pem'] ? ' maru-field--invalid' : ''}`}>
          <label className="maru-field__label" htmlFor="key-pem">
            {t('pluginAdmin.keyPublicKey')}
            <span aria-hidden="true"> *</span>
          </label>
          <p className="maru-field__hint" id="key-pem-hint">
            {t('pluginAdmin.keyPublicKeyHint')}
          </p>
          {errors['key-pem'] ? (
            <p className="maru-field__error" id="key-pem-error">
              {errors['key-pem']}
            </p>
          ) : null}
          <textarea
            id="key-pem"
            className="admin-key"
            spellCheck={false}
            required
            value={publicKey}
            aria-invalid={errors['key-pem'] ? true : undefined}
            aria-describedby={`key-pem-hint${errors['key-pem'] ? ' key-pem-error' : ''}`}
            onChange={(event) => setPublicKey(event.target.value)}
          />
        </div>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor="key-organization">
            {t('pluginAdmin.keyOrganization')}
          </label>
          <select
            id="key-organization"
            value={organizationId}
            onChange={(event) => setOrganizationId(event.target.value)}
          >
            <option value="">{t('pluginAdmin.keyOrganizationNone')}</option>
            {(companies.data?.organizations.nodes ?? []).map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="maru-button" disabled={register.running}>
          {register.running ? t('common.working') : t('pluginAdmin.keyRegister')}
        </button>
      </form>
      <div role="status">{done ? <p className="maru-notice maru-notice--success">{done}</p> : null}</div>
    </section>
  );
}
