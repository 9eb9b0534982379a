import { AsyncState, StatusBadge } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { TextInput } from '../../forms/text-input';
import { GraphqlRequestError } from '../../graphql/client';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import {
  CreateTryKeyDocument,
  TryServiceContextDocument,
  TryServiceMutationDocument,
  TryServiceQueryDocument,
} from './company-queries';
import { exampleInput, parseInput } from './example-input';
import { keyRequest } from './key-request';
import './company.css';

/** A "try it" console: call an operation of a shared service's sandbox with the member's TEST key and see the answer. */
export function TryServicePage() {
  const { t } = useT();
  usePageTitle(t('tryService.title'));
  return (
    <div className="page">
      <SignInRequired roles={['COMPANY_ADMIN', 'DEVELOPER']}>
        <TryService />
      </SignInRequired>
    </div>
  );
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: GraphqlRequestError };

function TryService() {
  const { t, i18n } = useT();
  const explain = useErrorText();
  const key = decodeURIComponent(useParams().name ?? '');
  const context = useQuery(TryServiceContextDocument, { key, lang: i18n.language });
  const createKey = useMutation(CreateTryKeyDocument);
  const [secret, setSecret] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [input, setInput] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const service = context.data?.service;
  if (!service) {
    return (
      <>
        <h1>{t('tryService.title')}</h1>
        <AsyncState
          loading={context.loading}
          error={context.error ? explain(context.error) : null}
          onRetry={context.reload}
          empty
          emptyMessage={t('tryService.noService', { key })}
        />
        <p>
          <Link to="/my/services">{t('tryService.backToServices')}</Link>
        </p>
      </>
    );
  }
  const operation = service.operations.find((o) => o.name === chosen) ?? service.operations[0];
  const text = input ?? (operation ? exampleInput(operation.inputSchema) : '{}');
  const grant = context.data?.serviceGrants.nodes.find((g) => g.service?.key === service.key && g.status === 'ACTIVE');
  const testKeys = (context.data?.viewer?.apiKeys.nodes ?? []).filter(
    (k) => k.mode === 'TEST' && k.status === 'ACTIVE',
  );

  const newKey = async () => {
    const result = await createKey.run({
      input: { name: t('tryService.keyName', { service: service.key }), scopes: ['READ', 'WRITE'], mode: 'TEST' },
    });
    if (!result) return;
    setSecret(result.createApiKey.secret);
    setCreated(result.createApiKey.secret);
    setProblems((p) => ({ ...p, secret: '' }));
    context.reload();
  };

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!secret.trim()) found.secret = t('tryService.errors.secret');
    else if (!/^maru_\S+$/.test(secret.trim())) found.secret = t('tryService.errors.secretShape');
    const parsed = parseInput(text);
    if (!parsed.ok)
      found.input =
        parsed.line === null ? t('tryService.errors.json') : t('tryService.errors.jsonLine', { line: parsed.line });
    setProblems(found);
    if (Object.keys(found).length || !operation || !parsed.ok) return;
    setRunning(true);
    setOutcome(null);
    const variables = { service: service.key, operation: operation.name, input: parsed.value };
    try {
      const value =
        operation.kind === 'mutation'
          ? (await keyRequest(TryServiceMutationDocument, variables, secret.trim())).serviceMutation
          : (await keyRequest(TryServiceQueryDocument, variables, secret.trim())).serviceQuery;
      setOutcome({ ok: true, value });
    } catch (caught) {
      setOutcome({
        ok: false,
        error: caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught)),
      });
    } finally {
      setRunning(false);
    }
  };

  const summary: FormProblem[] = Object.entries(problems)
    .filter(([, message]) => message)
    .map(([field, message]) => ({ message, fieldId: `try-${field}` }));
  return (
    <>
      <Breadcrumbs
        trail={[
          { to: '/my', label: t('myDashboard.title') },
          { to: '/my/services', label: t('myServices.title') },
        ]}
        current={t('tryService.heading', { name: service.name })}
      />
      <h1>{t('tryService.heading', { name: service.name })}</h1>
      <p className="maru-lead">{service.description}</p>
      <p>
        <StatusBadge kind="service" status={service.status} /> <code>{service.key}</code>
      </p>
      {grant ? (
        <p className="maru-notice maru-notice--success">{t('tryService.granted')}</p>
      ) : (
        <div className="maru-notice maru-notice--warning" role="note" aria-labelledby="no-grant">
          <h2 id="no-grant">{t('tryService.noGrantTitle')}</h2>
          <p>{t('tryService.noGrant', { name: service.name })}</p>
          <p>
            <Link to="/services">{t('tryService.requestAccess')}</Link>
          </p>
        </div>
      )}
      <section className="section" aria-labelledby="about-test-keys">
        <h2 id="about-test-keys">{t('tryService.aboutTitle')}</h2>
        <ul>
          <li>{t('tryService.about.sandbox')}</li>
          <li>{t('tryService.about.metering')}</li>
          <li>{t('tryService.about.secret')}</li>
        </ul>
      </section>
      <ErrorSummary problems={summary} />
      <form className="maru-form try-console" onSubmit={(event) => void run(event)} noValidate>
        <fieldset className="maru-fieldset">
          <legend>{t('tryService.keyLegend')}</legend>
          <TextInput
            id="try-secret"
            label={t('tryService.secret')}
            hint={
              testKeys.length
                ? t('tryService.secretHintKeys', { keys: testKeys.map((k) => `${k.name} (${k.prefix}…)`).join(', ') })
                : t('tryService.secretHintNone')
            }
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={secret}
            error={problems.secret || undefined}
            onChange={(value) => setSecret(value)}
          />
          <div className="button-row">
            <button
              type="button"
              className="maru-button maru-button--secondary"
              disabled={createKey.running}
              onClick={() => void newKey()}
            >
              {createKey.running ? t('common.working') : t('tryService.createKey')}
            </button>
            <Link to="/account">{t('tryService.manageKeys')}</Link>
          </div>
          {createKey.error ? (
            <p className="maru-field__error" role="alert">
              {explain(createKey.error)}
            </p>
          ) : null}
          <div role="status">
            {created ? (
              <div className="maru-notice maru-notice--success">
                <p>{t('tryService.keyCreated')}</p>
                <p>
                  <code className="try-console__secret">{created}</code>
                </p>
              </div>
            ) : null}
          </div>
        </fieldset>
        <fieldset className="maru-fieldset">
          <legend>{t('tryService.operationLegend')}</legend>
          <div className="maru-field">
            <label className="maru-field__label" htmlFor="try-operation">
              {t('tryService.operation')}
            </label>
            <select
              id="try-operation"
              value={operation?.name ?? ''}
              onChange={(event) => {
                setChosen(event.target.value);
                setInput(null);
                setOutcome(null);
              }}
            >
              {service.operations.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.name} ({t(o.kind === 'mutation' ? 'tryService.kindMutation' : 'tryService.kindQuery')})
                </option>
              ))}
            </select>
          </div>
          {operation?.description ? <p className="hint">{operation.description}</p> : null}
          <div className={`maru-field${problems.input ? ' maru-field--invalid' : ''}`}>
            <label className="maru-field__label" htmlFor="try-input">
              {t('tryService.input')}
            </label>
            <p className="maru-field__hint" id="try-input-hint">
              {t('tryService.inputHint')}
            </p>
            {problems.input ? (
              <p className="maru-field__error" id="try-input-error">
                {problems.input}
              </p>
            ) : null}
            <textarea
              id="try-input"
              className="try-console__input"
              rows={8}
              spellCheck={false}
              value={text}
              aria-invalid={problems.input ? true : undefined}
              aria-describedby={`try-input-hint${problems.input ? ' try-input-error' : ''}`}
              onChange={(event) => setInput(event.target.value)}
            />
          </div>
        </fieldset>
        <button type="submit" className="maru-button" disabled={running || !operation}>
          {running ? t('common.working') : t('tryService.run')}
        </button>
      </form>
      <section className="section try-console__result" aria-labelledby="try-result" aria-live="polite">
        <h2 id="try-result">{t('tryService.result')}</h2>
        {outcome === null ? (
          <p className="muted">{t('tryService.noResult')}</p>
        ) : outcome.ok ? (
          <>
            <p className="maru-notice maru-notice--success">
              {t('tryService.succeeded', { operation: operation?.name })}
            </p>
            <pre className="try-console__output" tabIndex={0} aria-label={t('tryService.output')}>
              {JSON.stringify(outcome.value, null, 2)}
            </pre>
          </>
        ) : (
          <div className="maru-notice maru-notice--danger" role="alert">
            <p>{explain(outcome.error)}</p>
            <details>
              <summary>{t('tryService.details')}</summary>
              <pre className="try-console__output">{outcome.error.message}</pre>
            </details>
          </div>
        )}
      </section>
    </>
  );
}
