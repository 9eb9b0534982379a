import { useT } from '../../i18n/use-t';
import { SecretShownOnce } from '../../shared/secret-shown-once';

/** The secret of a key just created — shown this once, with a copy button and a warning. */
export function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useT();
  return (
    <SecretShownOnce
      secret={secret}
      id="new-key-secret"
      titleId="new-key"
      title={t('apiKeys.createdTitle', { name })}
      warning={t('apiKeys.onceWarning')}
      label={t('apiKeys.secret')}
      copyLabel={t('apiKeys.copy')}
      copiedText={t('apiKeys.copied')}
      doneLabel={t('apiKeys.done')}
      onDone={onDone}
    />
  );
}
