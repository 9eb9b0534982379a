import { useState } from 'react';
import { graphql } from '../../gql';
import type { VerifyAuditChainQuery } from '../../gql/graphql';
import { GraphqlRequestError, graphqlRequest } from '../../graphql/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

const VerifyAuditChainDocument = graphql(`
  query VerifyAuditChain {
    verifyAuditChain {
      ok
      checked
      firstBrokenSeq
      reason
    }
  }
`);

/** Platform admins recompute every hash of the trail and see whether the chain holds. */
export function ChainCheck() {
  const { t } = useT();
  const explain = useErrorText();
  const [result, setResult] = useState<VerifyAuditChainQuery['verifyAuditChain'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult((await graphqlRequest(VerifyAuditChainDocument)).verifyAuditChain);
    } catch (caught) {
      setError(caught instanceof GraphqlRequestError ? explain(caught) : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="chain-check">
      <button
        type="button"
        className="maru-button maru-button--secondary"
        onClick={() => void verify()}
        disabled={busy}
      >
        {busy ? t('common.working') : t('audit.verify')}
      </button>
      <div role="status">
        {result ? (
          <p className={result.ok ? 'maru-notice maru-notice--success' : 'maru-form-alert'}>
            {result.ok
              ? t('audit.chainOk', { count: result.checked })
              : t('audit.chainBroken', { seq: result.firstBrokenSeq ?? '?', reason: result.reason ?? '' })}
          </p>
        ) : null}
        {error ? <p className="maru-form-alert">{error}</p> : null}
      </div>
    </div>
  );
}
