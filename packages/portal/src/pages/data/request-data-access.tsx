import { AccessRequestDialog } from '@maru/ui';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import type { DataCatalogueQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { RequestDataAccessDocument } from './data-queries';

type Connection = Pick<
  DataCatalogueQuery['dataConnections']['nodes'][number],
  'id' | 'name' | 'classification' | 'fields' | 'agency'
>;

/** Ask the owning agency for some fields of a dataset, for a purpose, until a date (in @maru/ui's dialog). */
export function RequestDataAccess({ connection }: { connection: Connection }) {
  const { t } = useT();
  const { viewer } = useSession();
  const request = useMutation(RequestDataAccessDocument);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  if (!viewer || viewer.organization.id === connection.agency.id) return null;
  if (sent) {
    return (
      <p role="status" className="maru-notice maru-notice--success">
        {t('data.requested')}
      </p>
    );
  }
  return (
    <>
      <button type="button" className="maru-button maru-button--secondary" onClick={() => setOpen(true)}>
        {t('data.requestAccess', { name: connection.name })}
      </button>
      <AccessRequestDialog
        open={open}
        onClose={() => setOpen(false)}
        connection={connection}
        busy={request.running}
        error={toFormError(request.error)}
        onSubmit={async (values) => {
          if (await request.run({ input: { connectionId: connection.id, ...values } })) {
            setOpen(false);
            setSent(true);
          }
        }}
      />
    </>
  );
}
