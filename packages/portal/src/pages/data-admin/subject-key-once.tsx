import { useT } from '../../i18n/use-t';
import { SecretShownOnce } from '../../shared/secret-shown-once';

/** A person's subject key, just issued: shown this once, with how to hand it over and a copy button. */
export function SubjectKeyOnce({
  subjectId,
  secret,
  onDone,
}: {
  subjectId: string;
  secret: string;
  onDone: () => void;
}) {
  const { t } = useT();
  return (
    <SecretShownOnce
      secret={secret}
      id="issued-key"
      title={t('dataAdmin.keys.issuedTitle', { subject: subjectId })}
      warning={t('dataAdmin.keys.once')}
      label={t('dataAdmin.keys.keyLabel')}
      copyLabel={t('dataAdmin.keys.copy')}
      copiedText={t('dataAdmin.keys.copied')}
      doneLabel={t('dataAdmin.keys.done')}
      onDone={onDone}
    >
      <ul>
        <li>{t('dataAdmin.keys.guide1')}</li>
        <li>{t('dataAdmin.keys.guide2')}</li>
        <li>{t('dataAdmin.keys.guide3')}</li>
      </ul>
    </SecretShownOnce>
  );
}
