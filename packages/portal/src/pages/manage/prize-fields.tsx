import { Field } from '@maru/ui';
import { useT } from '../../i18n/use-t';

export interface PrizeDraft {
  amount: string;
  currency: string;
  kind: 'PRIZE' | 'CONTRACT';
  description: string;
}

/** An optional prize: money or a contract to run the solution. */
export function PrizeFields({
  prize,
  onChange,
  error,
}: {
  prize: PrizeDraft;
  onChange: (next: PrizeDraft) => void;
  error: string | null;
}) {
  const { t } = useT();
  return (
    <fieldset className="maru-fieldset">
      <legend>{t('newChallenge.prize')}</legend>
      <p className="hint">{t('newChallenge.prizeHint')}</p>
      <div className="form__row">
        <Field label={t('newChallenge.prizeKind')}>
          {(control) => (
            <select
              {...control}
              value={prize.kind}
              onChange={(event) => onChange({ ...prize, kind: event.target.value as PrizeDraft['kind'] })}
            >
              <option value="PRIZE">{t('newChallenge.prizeKindPrize')}</option>
              <option value="CONTRACT">{t('newChallenge.prizeKindContract')}</option>
            </select>
          )}
        </Field>
        <Field label={t('newChallenge.prizeAmount')} error={error}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={0}
              value={prize.amount}
              onChange={(event) => onChange({ ...prize, amount: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('newChallenge.prizeCurrency')}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={3}
              className="maru-input--short"
              value={prize.currency}
              onChange={(event) => onChange({ ...prize, currency: event.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label={t('newChallenge.prizeDescription')}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={prize.description}
            onChange={(event) => onChange({ ...prize, description: event.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
