import { Field, FormErrorSummary } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';

const RequestServiceAccessDocument = graphql(`
  mutation RequestServiceAccess($service: String!, $purpose: String!) {
    requestServiceAccess(service: $service, purpose: $purpose) {
      grant {
        id
        status
      }
    }
  }
`);

/** Organization admins ask for their organization's access to a service, with a purpose. */
export function RequestServiceAccess({ serviceKey, serviceName }: { serviceKey: string; serviceName: string }) {
  const { t } = useT();
  const { hasRole } = useSession();
  const request = useMutation(RequestServiceAccessDocument);
  const [purpose, setPurpose] = useState('');
  const [sent, setSent] = useState(false);
  if (!hasRole('COMPANY_ADMIN', 'AGENCY_ADMIN')) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!purpose.trim()) return;
    if (await request.run({ service: serviceKey, purpose: purpose.trim() })) setSent(true);
  };
  return (
    <details className="request-access">
      <summary>{t('services.requestAccess', { name: serviceName })}</summary>
      {sent ? (
        <p role="status" className="maru-notice maru-notice--success">
          {t('services.requested')}
        </p>
      ) : (
        <form className="maru-form" onSubmit={(event) => void submit(event)}>
          <FormErrorSummary error={toFormError(request.error)} />
          <Field label={t('services.purpose')} required>
            {(control) => (
              <textarea {...control} rows={2} value={purpose} onChange={(event) => setPurpose(event.target.value)} />
            )}
          </Field>
          <button type="submit" className="maru-button maru-button--secondary" disabled={request.running}>
            {t('services.sendRequest')}
          </button>
        </form>
      )}
    </details>
  );
}
