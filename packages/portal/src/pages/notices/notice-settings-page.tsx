import { FormErrorSummary } from '@maru/ui';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import type { ChallengeType } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useT, type MessageKey } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { NoticeSettingsDocument, SetInterestsDocument, SetNoticeChannelsDocument } from './notice-queries';

const TYPES: ChallengeType[] = ['IDEA', 'PROOF_OF_CONCEPT', 'PROTOTYPE', 'PRODUCTION_SERVICE'];

/** 알림 설정: the organization's interests (its admins change them) and the member's own channels. */
export function NoticeSettingsPage() {
  const { t } = useT();
  usePageTitle(t('noticeSettings.title'));
  return (
    <div className="page">
      <SignInRequired>
        <Settings />
      </SignInRequired>
    </div>
  );
}

function Settings() {
  const { t } = useT();
  const { hasRole } = useSession();
  const settings = useQuery(NoticeSettingsDocument);
  const setInterests = useMutation(SetInterestsDocument);
  const setChannels = useMutation(SetNoticeChannelsDocument);
  const [tags, setTags] = useState('');
  const [types, setTypes] = useState<ChallengeType[]>([]);
  const [webhookUrl, setWebhookUrl] = useState('');
  const [email, setEmail] = useState('');
  const [saved, setSaved] = useState<'interests' | 'channels' | null>(null);
  const data = settings.data;
  useEffect(() => {
    if (!data) return;
    setTags(data.interests.tags.join(', '));
    setTypes(data.interests.challengeTypes);
    setWebhookUrl(data.noticeChannels.webhookUrl ?? '');
    setEmail(data.noticeChannels.email ?? '');
  }, [data]);
  const admin = hasRole('COMPANY_ADMIN', 'AGENCY_ADMIN', 'PLATFORM_ADMIN');
  return (
    <>
      <h1>{t('noticeSettings.title')}</h1>
      <form
        className="maru-stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!data?.viewer) return;
          setSaved(null);
          void setInterests
            .run({
              organizationId: data.viewer.organization.id,
              input: {
                tags: tags
                  .split(',')
                  .map((tag) => tag.trim())
                  .filter(Boolean),
                challengeTypes: types,
              },
            })
            .then((done) => done && setSaved('interests'));
        }}
      >
        <h2>{t('noticeSettings.interests')}</h2>
        <p>{admin ? t('noticeSettings.interestsIntro') : t('noticeSettings.interestsAdminsOnly')}</p>
        <FormErrorSummary error={toFormError(setInterests.error)} />
        <label htmlFor="interest-tags">{t('noticeSettings.tags')}</label>
        <input
          id="interest-tags"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          disabled={!admin}
          aria-describedby="interest-tags-hint"
        />
        <p id="interest-tags-hint" className="muted">
          {t('noticeSettings.tagsHint')}
        </p>
        <fieldset>
          <legend>{t('noticeSettings.types')}</legend>
          {TYPES.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                disabled={!admin}
                checked={types.includes(type)}
                onChange={(e) => setTypes(e.target.checked ? [...types, type] : types.filter((x) => x !== type))}
              />{' '}
              {t(`noticeSettings.type.${type}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        {admin ? (
          <button type="submit" className="maru-button" disabled={setInterests.running}>
            {t('noticeSettings.saveInterests')}
          </button>
        ) : null}
        {saved === 'interests' ? <p role="status">{t('noticeSettings.saved')}</p> : null}
      </form>
      <form
        className="maru-stack"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(null);
          void setChannels
            .run({ input: { webhookUrl: webhookUrl.trim() || null, email: email.trim() || null } })
            .then((done) => done && setSaved('channels'));
        }}
      >
        <h2>{t('noticeSettings.channels')}</h2>
        <p>{t('noticeSettings.channelsIntro')}</p>
        <FormErrorSummary error={toFormError(setChannels.error)} />
        <label htmlFor="channel-webhook">{t('noticeSettings.webhook')}</label>
        <input id="channel-webhook" type="url" value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} />
        <label htmlFor="channel-email">{t('noticeSettings.email')}</label>
        <input id="channel-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <button type="submit" className="maru-button" disabled={setChannels.running}>
          {t('noticeSettings.saveChannels')}
        </button>
        {saved === 'channels' ? <p role="status">{t('noticeSettings.saved')}</p> : null}
      </form>
    </>
  );
}
