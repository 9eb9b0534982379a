import { useState } from 'react';
import { ErrorSummary } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SubmissionPilotPackageDocument, UploadPilotPackageDocument } from './pilot-queries';

/** The winning company uploads the signed package (`maru pack`'s .tgz) its submission names, for the pilot. */
export function PilotPackageUpload({ submissionId }: { submissionId: string }) {
  const { t } = useT();
  const errorText = useErrorText();
  const current = useQuery(SubmissionPilotPackageDocument, { id: submissionId });
  const upload = useMutation(UploadPilotPackageDocument);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const node = current.data?.node;
  const pkg = node && 'pilotPackage' in node ? node.pilotPackage : null;
  const title = node && 'title' in node ? node.title : '';
  return (
    <section className="maru-card pilot-upload" aria-labelledby={`pilot-upload-${submissionId}`}>
      <h2 id={`pilot-upload-${submissionId}`}>{t('pilot.uploadTitle', { title })}</h2>
      {pkg ? (
        <p role="status">
          {pkg.launchedAt
            ? t('pilot.uploadLaunched', { name: `${pkg.name}@${pkg.version}` })
            : t('pilot.uploaded', { name: `${pkg.name}@${pkg.version}`, key: pkg.signedBy })}
        </p>
      ) : (
        <p>{t('pilot.uploadIntro')}</p>
      )}
      {pkg?.launchedAt ? null : (
        <form
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            if (!file) return setMissing(true);
            setMissing(false);
            if (await upload.run({ submissionId, file })) current.reload();
          }}
        >
          <ErrorSummary
            problems={[
              ...(missing ? [{ message: t('pilot.chooseFile'), fieldId: `pilot-file-${submissionId}` }] : []),
              ...(upload.error ? [{ message: errorText(upload.error), fieldId: `pilot-file-${submissionId}` }] : []),
            ]}
          />
          <div className="maru-field">
            <label className="maru-label" htmlFor={`pilot-file-${submissionId}`}>
              {t('pilot.file')}
            </label>
            <p className="maru-hint">{t('pilot.fileHint')}</p>
            <input
              id={`pilot-file-${submissionId}`}
              type="file"
              accept=".tgz,application/gzip"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <button type="submit" className="maru-button" disabled={upload.running}>
            {pkg ? t('pilot.uploadAgain') : t('pilot.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
