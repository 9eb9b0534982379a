import { badInput } from '../../errors.js';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that a connector config is an object with only the given settings.
 * Unknown settings are refused rather than ignored: a misspelt `delimeter`
 * would otherwise read the file with the default and the owner would never know.
 */
export function expectConfigObject(
  config: unknown,
  kind: string,
  settings: readonly string[],
  field = 'connector',
): Record<string, unknown> {
  if (!isPlainObject(config))
    throw badInput(
      field,
      `The ${kind} connector config must be an object with ${settings.map((s) => `\`${s}\``).join(', ')}.`,
    );
  for (const key of Object.keys(config)) {
    if (!settings.includes(key))
      throw badInput(
        `${field}.${key}`,
        `The ${kind} connector has no setting \`${key}\`; it knows ${settings.map((s) => `\`${s}\``).join(', ')}.`,
      );
  }
  return config;
}

export function expectText(config: Record<string, unknown>, field: string, what: string, maxLength = 1024): string {
  const value = config[field];
  if (typeof value !== 'string' || value.trim() === '')
    throw badInput(`connector.${field}`, `Give \`${field}\`: ${what}.`);
  if (value.length > maxLength)
    throw badInput(`connector.${field}`, `\`${field}\` is longer than ${maxLength} characters; shorten it.`);
  return value.trim();
}

const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/** A secret is named, never given: the operator sets its value on the hub (`MARU_SECRET_<NAME>`). */
export function expectSecretName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SECRET_NAME.test(value)) {
    throw badInput(
      `connector.${field}`,
      'Give the name of a secret the operator set on the hub (letters, ' +
        'digits and `_`, e.g. `DATA_GO_KR_KEY`), not the secret itself.',
    );
  }
  return value;
}
