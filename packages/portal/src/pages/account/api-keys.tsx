import { DateTime } from '@maru/ui';
import { useState } from 'react';
import { ConfirmAction } from '../../forms/confirm-action';
import { ErrorSummary } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { MyApiKeysDocument, RevokeMyApiKeyDocument } from './account-queries';
import { CreateApiKeyForm } from './create-api-key-form';
import { NewSecret } from './new-secret';

/** My API keys: create one (its secret shown once), the list, revoke with a confirmation. */
export function ApiKeys() {
  const { t } = useT();
  const explain = useErrorText();
  const keys = useQuery(MyApiKeysDocument);
  const revoke = useMutation(RevokeMyApiKeyDocument);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nodes = keys.data?.viewer?.apiKeys.nodes ?? [];
  return (
    <section className="section" aria-labelledby="my-keys">
      <h2 id="my-keys">{t('apiKeys.title')}</h2>
      <p>{t('apiKeys.intro')}</p>
      {created ? (
        <NewSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      ) : (
        <CreateApiKeyForm
          onCreated={(name, secret) => {
            setNotice(null);
            setCreated({ name, secret });
            keys.reload();
          }}
        />
      )}
      <div role="status">{notice ? <p className="maru-notice maru-notice--success">{notice}</p> : null}</div>
      {revoke.error ? <ErrorSummary problems={[{ message: explain(revoke.error) }]} /> : null}
      {keys.error ? <p className="maru-form-alert">{explain(keys.error)}</p> : null}
      {nodes.length === 0 && !keys.loading ? (
        <p className="muted">{t('apiKeys.empty')}</p>
      ) : (
        <div className="maru-table-scroll" tabIndex={0} role="region" aria-labelledby="my-keys-caption">
          <table className="maru-table">
            <caption id="my-keys-caption">{t('apiKeys.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.name')}</th>
                <th scope="col">{t('apiKeys.prefix')}</th>
                <th scope="col">{t('apiKeys.scopes')}</th>
                <th scope="col">{t('apiKeys.mode')}</th>
                <th scope="col">{t('apiKeys.status')}</th>
                <th scope="col">{t('apiKeys.expires')}</th>
                <th scope="col">{t('apiKeys.lastUsed')}</th>
                <th scope="col">
                  <span className="maru-visually-hidden">{t('apiKeys.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((key) => (
                <tr key={key.id}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{key.scopes.map((scope) => t(`apiKeyScope.${scope}`)).join(', ')}</td>
                  <td>{t(`apiKeyMode.${key.mode}`)}</td>
                  <td>{t(`apiKeyStatus.${key.status}`)}</td>
                  <td>{key.expiresAt ? <DateTime value={key.expiresAt} /> : t('apiKeys.never')}</td>
                  <td>{key.lastUsedAt ? <DateTime value={key.lastUsedAt} /> : t('apiKeys.notUsed')}</td>
                  <td>
                    {key.status === 'ACTIVE' ? (
                      <ConfirmAction
                        label={t('apiKeys.revoke', { name: key.name })}
                        question={t('apiKeys.revokeQuestion', { name: key.name })}
                        confirmLabel={t('apiKeys.revokeConfirm')}
                        onConfirm={async () => {
                          if (!(await revoke.run({ id: key.id }))) return false;
                          setNotice(t('apiKeys.revoked', { name: key.name }));
                          keys.reload();
                          return true;
                        }}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
