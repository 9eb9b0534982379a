import { AsyncState } from '@maru/ui';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ChoiceGroup } from '../../forms/choice-group';
import { ErrorSummary } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { LaunchPilotDocument, PilotLaunchPreviewDocument } from './pilot-queries';

/**
 * A platform admin launches an awarded challenge's winning plugin: what it asks for, each capability approved by a
 * checkbox, then "check your answers" before the launch, which installs it on the hub at once.
 */
export function PilotLaunchPage() {
  const { t } = useT();
  usePageTitle(t('pilot.launchTitle'));
  return (
    <div className="page">
      <SignInRequired>
        <Launch />
      </SignInRequired>
    </div>
  );
}

function Launch() {
  const { t } = useT();
  const errorText = useErrorText();
  const { hasRole } = useSession();
  const challengeId = useParams().id ?? '';
  const preview = useQuery(PilotLaunchPreviewDocument, { challengeId }, { skip: !hasRole('PLATFORM_ADMIN') });
  const launch = useMutation(LaunchPilotDocument);
  const [approved, setApproved] = useState<string[]>([]);
  const [step, setStep] = useState<'choose' | 'check' | 'done'>('choose');
  const [problem, setProblem] = useState<string | null>(null);
  if (!hasRole('PLATFORM_ADMIN')) return <p>{t('pilot.adminsOnly')}</p>;
  const p = preview.data?.pilotLaunchPreview;
  if (!p)
    return (
      <AsyncState
        loading={preview.loading}
        error={preview.error ? errorText(preview.error) : null}
        onRetry={preview.reload}
      />
    );
  const back = (
    <Link to={`/challenges/${encodeURIComponent(challengeId)}`}>
      {t('pilot.backToChallenge', { title: p.challenge.title })}
    </Link>
  );
  const capabilityLabel = (c: { name: string; hosts: readonly string[] }) =>
    c.hosts.length ? `${c.name} — ${t('pilot.hosts', { hosts: c.hosts.join(', ') })}` : c.name;

  if (step === 'done' && launch.error === null) {
    return (
      <>
        <h1>{t('pilot.launchedTitle')}</h1>
        <div className="maru-alert maru-alert--success" role="status">
          {t('pilot.launched', { name: `${p.name}@${p.version}` })}
        </div>
        <p>
          <Link to="/services">{t('pilot.seeCatalogue')}</Link>
        </p>
        <p>{back}</p>
      </>
    );
  }
  const header = (
    <>
      <p>{back}</p>
      <h1>{t('pilot.launchTitle')}</h1>
      <dl className="pilot-summary">
        <dt>{t('pilot.plugin')}</dt>
        <dd>
          {p.name}@{p.version} · {p.publisher}
        </dd>
        <dt>{t('pilot.winner')}</dt>
        <dd>
          {p.submission.title} · {p.submission.organization.name}
        </dd>
        <dt>{t('pilot.signature')}</dt>
        <dd>
          {p.signatureValid
            ? t('pilot.signatureValid', { key: p.package?.signedBy ?? '' })
            : t('pilot.signatureInvalid', { problem: p.signatureProblem ?? '' })}
        </dd>
        <dt>{t('pilot.services')}</dt>
        <dd>
          <ul>
            {p.services.map((s) => (
              <li key={s.key}>
                {s.name} (<code>{s.key}</code>)
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </>
  );
  if (p.launched)
    return (
      <>
        {header}
        <p>{t('pilot.alreadyLaunched')}</p>
      </>
    );
  if (!p.package)
    return (
      <>
        {header}
        <p>{t('pilot.noUpload')}</p>
      </>
    );

  if (step === 'check') {
    return (
      <>
        {header}
        <ErrorSummary problems={launch.error ? [{ message: errorText(launch.error) }] : []} />
        <h2>{t('pilot.checkTitle')}</h2>
        <p>{t('pilot.checkIntro')}</p>
        <ul>
          {p.capabilities.map((c) => (
            <li key={c.name}>{capabilityLabel(c)}</li>
          ))}
        </ul>
        <p className="hint">{t('pilot.irreversible')}</p>
        <div className="form-actions">
          <button
            type="button"
            className="maru-button"
            disabled={launch.running}
            onClick={async () => {
              if (await launch.run({ challengeId, approvedCapabilities: approved })) setStep('done');
            }}
          >
            {t('pilot.confirmLaunch')}
          </button>
          <button type="button" className="maru-button maru-button--secondary" onClick={() => setStep('choose')}>
            {t('pilot.change')}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      {header}
      <ErrorSummary problems={problem ? [{ message: problem, fieldId: 'capabilities-0' }] : []} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const missing = p.capabilities.filter((c) => !approved.includes(c.name));
          if (missing.length) {
            setProblem(t('pilot.approveAll', { names: missing.map((c) => c.name).join(', ') }));
            return;
          }
          setProblem(null);
          setStep('check');
        }}
      >
        {p.capabilities.length ? (
          <ChoiceGroup
            id="capabilities"
            type="checkbox"
            legend={t('pilot.capabilities')}
            hint={t('pilot.capabilitiesHint')}
            error={problem ?? undefined}
            choices={p.capabilities.map((c) => ({ value: c.name, label: capabilityLabel(c) }))}
            value={approved}
            onChange={setApproved}
          />
        ) : (
          <p>{t('pilot.noCapabilities')}</p>
        )}
        <button type="submit" className="maru-button" disabled={!p.signatureValid}>
          {t('pilot.continue')}
        </button>
      </form>
    </>
  );
}
