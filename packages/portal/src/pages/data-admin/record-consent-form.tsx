import { useState, type FormEvent } from 'react';
import { ChoiceGroup } from '../../forms/choice-group';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { useFlash } from '../../forms/flash';
import { TextInput } from '../../forms/text-input';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { AccessRequest, ManagedConnection } from './connection-types';
import { RecordConsentDocument } from './data-admin-queries';
import { koreaDayEnd } from '../../format/korea-time';

/**
 * Record a person's consent, after the agency verified who they are: to one requester (from the access requests of
 * this dataset, so the purpose is the requester's own), these personal fields, until a day.
 */
export function RecordConsentForm({
  connection,
  requests,
  onRecorded,
}: {
  connection: ManagedConnection;
  /** This dataset's access requests: a consent goes to an organization that asked, for its purpose. */
  requests: AccessRequest[];
  onRecorded: () => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const flash = useFlash();
  const record = useMutation(RecordConsentDocument);
  const requesters = requests.filter(
    (request) => request.requesterOrganization && (request.status === 'APPROVED' || request.status === 'PENDING'),
  );
  const personalFields = connection.fields.filter((field) => field.personal).map((field) => field.name);
  const [requestId, setRequestId] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [until, setUntil] = useState('');
  const [verified, setVerified] = useState<string[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const request = requesters.find((r) => r.id === requestId);
    if (!request) found['consent-requester-0'] = t('dataAdmin.consents.errors.requester');
    if (!subjectId.trim()) found['consent-subject'] = t('dataAdmin.consents.errors.subject');
    if (fields.length === 0) found['consent-fields-0'] = t('dataAdmin.consents.errors.fields');
    if (!until || Date.parse(koreaDayEnd(until)) <= Date.now())
      found['consent-until'] = t('dataAdmin.consents.errors.until');
    if (verified.length === 0) found['consent-verified-0'] = t('dataAdmin.consents.errors.verified');
    setProblems(found);
    if (Object.keys(found).length || !request) return;
    const result = await record.run({
      input: {
        connectionId: connection.id,
        subjectId: subjectId.trim(),
        requesterOrganizationId: request.requesterOrganization!.id,
        purpose: request.purpose,
        fields,
        validUntil: koreaDayEnd(until),
      },
    });
    if (!result) return;
    flash(t('dataAdmin.consents.recorded', { subject: subjectId.trim() }));
    setSubjectId('');
    setFields([]);
    setVerified([]);
    onRecorded();
  };
  const summary: FormProblem[] = [
    ...Object.entries(problems).map(([fieldId, message]) => ({ message, fieldId })),
    ...(record.error
      ? [
          {
            message: explain(record.error),
            ...(record.error.field === 'subjectId' ? { fieldId: 'consent-subject' } : {}),
          },
        ]
      : []),
  ];
  return (
    <form className="maru-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="record-consent">
      <h3 id="record-consent">{t('dataAdmin.consents.recordTitle')}</h3>
      <ErrorSummary problems={summary} />
      {requesters.length === 0 ? <p>{t('dataAdmin.consents.noRequesters')}</p> : null}
      <ChoiceGroup
        id="consent-requester"
        type="radio"
        legend={t('dataAdmin.consents.requester')}
        hint={t('dataAdmin.consents.requesterHint')}
        error={problems['consent-requester-0']}
        choices={requesters.map((request) => ({
          value: request.id,
          label: request.requesterOrganization!.name,
          hint: request.purpose,
        }))}
        value={requestId ? [requestId] : []}
        onChange={(next) => setRequestId(next[0] ?? '')}
      />
      <TextInput
        id="consent-subject"
        label={t('dataAdmin.consents.subjectId')}
        hint={t('dataAdmin.consents.subjectIdHint', { field: connection.subjectField ?? '' })}
        error={problems['consent-subject']}
        required
        value={subjectId}
        onChange={setSubjectId}
        autoComplete="off"
        spellCheck={false}
      />
      <ChoiceGroup
        id="consent-fields"
        type="checkbox"
        legend={t('dataAdmin.consents.fieldsLegend')}
        error={problems['consent-fields-0']}
        choices={personalFields.map((name) => ({ value: name, label: name }))}
        value={fields}
        onChange={setFields}
      />
      <TextInput
        id="consent-until"
        type="date"
        label={t('dataAdmin.consents.untilLabel')}
        hint={t('dataAdmin.consents.untilHint')}
        error={problems['consent-until']}
        required
        value={until}
        onChange={setUntil}
        className="maru-input--short"
      />
      <ChoiceGroup
        id="consent-verified"
        type="checkbox"
        legend={t('dataAdmin.consents.verifiedLegend')}
        error={problems['consent-verified-0']}
        choices={[{ value: 'yes', label: t('dataAdmin.consents.verified') }]}
        value={verified}
        onChange={setVerified}
      />
      <button type="submit" className="maru-button" disabled={record.running}>
        {record.running ? t('common.working') : t('dataAdmin.consents.record')}
      </button>
    </form>
  );
}
