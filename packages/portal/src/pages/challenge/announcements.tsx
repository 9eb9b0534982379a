import { AsyncState, Field, FormErrorSummary, KoreanTime, Markdown } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import { useFlash } from '../../forms/flash';
import { graphql } from '../../gql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import './agency-actions.css';

export const ChallengeAnnouncementsDocument = graphql(`
  query ChallengeAnnouncements($id: ID!) {
    challenge(id: $id) {
      id
      announcements(first: 20) {
        totalCount
        nodes {
          title
          body
          createdAt
        }
      }
    }
  }
`);

const PostAnnouncementDocument = graphql(`
  mutation PostAnnouncement($challengeId: ID!, $title: String!, $body: String!) {
    postAnnouncement(challengeId: $challengeId, title: $title, body: $body) {
      announcement {
        title
        createdAt
      }
    }
  }
`);

/** The agency's announcements on a challenge (public, newest first), and for the agency the form to post one. */
export function Announcements({ challengeId, canPost }: { challengeId: string; canPost: boolean }) {
  const { t } = useT();
  const explain = useErrorText();
  const list = useQuery(ChallengeAnnouncementsDocument, { id: challengeId });
  const nodes = list.data?.challenge?.announcements.nodes ?? [];
  if (!canPost && !nodes.length) return null;
  return (
    <section className="section announcements" aria-labelledby="announcements-heading">
      <h2 id="announcements-heading">{t('agency.announce.title')}</h2>
      <AsyncState
        loading={list.loading && !list.data}
        error={list.error ? explain(list.error) : null}
        onRetry={list.reload}
        empty={!nodes.length}
        emptyMessage={t('agency.announce.empty')}
      >
        <ul className="announcement-list">
          {nodes.map((a) => (
            <li key={`${a.createdAt}-${a.title}`}>
              <h3>{a.title}</h3>
              <p className="muted">
                {t('agency.announce.postedAt')} <KoreanTime value={a.createdAt} />
              </p>
              <Markdown text={a.body} headingLevel={4} />
            </li>
          ))}
        </ul>
      </AsyncState>
      {canPost ? <AnnouncementForm challengeId={challengeId} onPosted={list.reload} /> : null}
    </section>
  );
}

function AnnouncementForm({ challengeId, onPosted }: { challengeId: string; onPosted: () => void }) {
  const { t } = useT();
  const flash = useFlash();
  const post = useMutation(PostAnnouncementDocument);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ title?: string; body?: string }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(title.trim() ? {} : { title: t('agency.announce.titleRequired') }),
      ...(body.trim() ? {} : { body: t('agency.announce.bodyRequired') }),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    if (await post.run({ challengeId, title: title.trim(), body: body.trim() })) {
      setTitle('');
      setBody('');
      flash(t('agency.announce.posted'));
      onPosted();
    }
  };
  return (
    <form
      className="maru-form announcement-form"
      aria-labelledby="announcement-form-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="announcement-form-heading">{t('agency.announce.formTitle')}</h3>
      <p className="hint">{t('agency.announce.hint')}</p>
      <FormErrorSummary error={toFormError(post.error)} />
      <Field label={t('agency.announce.titleLabel')} error={errors.title ?? null} required>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('agency.announce.body')}
        hint={t('agency.announce.bodyHint')}
        error={errors.body ?? null}
        required
      >
        {(control) => <textarea {...control} rows={5} value={body} onChange={(event) => setBody(event.target.value)} />}
      </Field>
      <button type="submit" className="maru-button" disabled={post.running}>
        {post.running ? t('common.working') : t('agency.announce.post')}
      </button>
    </form>
  );
}
