import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncState, type AsyncStateProps } from '../common/async-state';
import { DateTime } from '../common/date-time';
import { Markdown } from '../content/markdown';
import { Field } from '../common/field';
import { FormErrorSummary, type FormStateProps } from '../common/form-error';

/** A clarification question (`Question`). Answered ones are public. */
export interface Question {
  id: string;
  question: string;
  answer?: string | null;
  askedAt: string;
  answeredAt?: string | null;
  /** The asking organization. */
  askedBy: { name: string };
}

export interface QaThreadProps extends AsyncStateProps {
  questions: Question[];
  /** A request of the ask or answer form is in flight. */
  busy?: FormStateProps['busy'];
  /** The ask or answer form's last refusal (`error` is for loading the questions). */
  formError?: FormStateProps['error'];
  /** Shows the ask form (companies, while the challenge is OPEN). Return a promise to have the form cleared once it resolves. */
  onAsk?: (question: string) => void | Promise<unknown>;
  /** Shows an answer form under each unanswered question (the owning agency). Return a promise to have the form cleared once it resolves. */
  onAnswer?: (questionId: string, answer: string) => void | Promise<unknown>;
}

/** Questions and the agency's answers, with the ask and answer forms when the viewer may use them. */
export function QaThread({ questions, onAsk, onAnswer, busy, formError, ...state }: QaThreadProps) {
  const { t } = useTranslation('maru-ui');
  return (
    <div className="maru-qa">
      <AsyncState {...state} label={t('qa.label')} empty={questions.length === 0} emptyMessage={t('qa.empty')}>
        <ol className="maru-qa__list">
          {questions.map((item) => (
            <li key={item.id} className="maru-qa__item">
              <p className="maru-qa__question">
                <span className="maru-qa__mark" aria-hidden="true">
                  {t('qa.questionMark')}
                </span>
                <span className="maru-visually-hidden">{t('qa.question')}: </span>
                {item.question}
              </p>
              <p className="maru-qa__meta">
                {t('qa.askedBy', { organization: item.askedBy.name })} · <DateTime value={item.askedAt} />
              </p>
              {item.answer ? (
                <div className="maru-qa__answer">
                  <div className="maru-qa__answer-text">
                    <span className="maru-qa__mark" aria-hidden="true">
                      {t('qa.answerMark')}
                    </span>
                    <span className="maru-visually-hidden">{t('qa.answer')}: </span>
                    <Markdown text={item.answer} headingLevel={3} />
                  </div>
                  {item.answeredAt ? (
                    <p className="maru-qa__meta">
                      {t('qa.answeredAt')} <DateTime value={item.answeredAt} />
                    </p>
                  ) : null}
                </div>
              ) : onAnswer ? (
                <AnswerForm onAnswer={(answer) => onAnswer(item.id, answer)} busy={busy} />
              ) : (
                <p className="maru-qa__pending">{t('qa.unanswered')}</p>
              )}
            </li>
          ))}
        </ol>
      </AsyncState>
      {onAsk || onAnswer ? <FormErrorSummary error={formError} /> : null}
      {onAsk ? <AskForm onAsk={onAsk} busy={busy} /> : null}
    </div>
  );
}

function AskForm({
  onAsk,
  busy,
}: {
  onAsk: (question: string) => void | Promise<unknown>;
  busy?: boolean | undefined;
}) {
  const { t } = useTranslation('maru-ui');
  const [question, setQuestion] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!question.trim()) return setInvalid(true);
    setInvalid(false);
    clearWhenDone(onAsk(question.trim()), () => setQuestion(''));
  };
  return (
    <form className="maru-form maru-qa__ask" onSubmit={submit} noValidate>
      <Field label={t('qa.askLabel')} hint={t('qa.askHint')} error={invalid ? t('qa.questionRequired') : null} required>
        {(control) => (
          <textarea
            {...control}
            name="question"
            rows={3}
            value={question}
            onChange={(event) => setQuestion(event.target.value)}
          />
        )}
      </Field>
      <div className="maru-form__actions">
        <button type="submit" className="maru-button" disabled={busy}>
          {busy ? t('form.sending') : t('qa.ask')}
        </button>
      </div>
    </form>
  );
}

function AnswerForm({
  onAnswer,
  busy,
}: {
  onAnswer: (answer: string) => void | Promise<unknown>;
  busy?: boolean | undefined;
}) {
  const { t } = useTranslation('maru-ui');
  const [answer, setAnswer] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answer.trim()) return setInvalid(true);
    setInvalid(false);
    clearWhenDone(onAnswer(answer.trim()), () => setAnswer(''));
  };
  return (
    <form className="maru-form maru-qa__answer-form" onSubmit={submit} noValidate>
      <Field label={t('qa.answerLabel')} error={invalid ? t('qa.answerRequired') : null} required>
        {(control) => (
          <textarea
            {...control}
            name="answer"
            rows={2}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
          />
        )}
      </Field>
      <div className="maru-form__actions">
        <button type="submit" className="maru-button maru-button--secondary" disabled={busy}>
          {busy ? t('form.sending') : t('qa.publishAnswer')}
        </button>
      </div>
    </form>
  );
}

// A refused request keeps the text (the app shows `formError`); only a resolved one clears it.
function clearWhenDone(result: void | Promise<unknown>, clear: () => void) {
  if (result instanceof Promise) result.then(clear, () => undefined);
}
