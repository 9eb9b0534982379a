import { explainCode, type Refusal } from './use-error-text';
import { useT } from './use-t';

/** A refusal in people's words, with its code in small print after it for whoever helps. */
export function ErrorText({ error }: { error: Refusal }) {
  const { i18n } = useT();
  const code = typeof error === 'string' ? error : error.code;
  return (
    <>
      {explainCode(code, i18n.language)} <small className="maru-error-code">({code})</small>
    </>
  );
}
