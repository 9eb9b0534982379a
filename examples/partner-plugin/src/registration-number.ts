import { PluginError } from '@maru/sdk';

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/**
 * A Korean business registration number (사업자등록번호) in its usual
 * `123-45-67890` form. Ten digits; the last is a check digit over the other
 * nine, so most typing mistakes are caught before anyone is asked.
 */
export function normalizeRegistrationNumber(input: string): string {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) {
    throw new PluginError(
      'INVALID_REGISTRATION_NUMBER',
      `"${input}" is not a business registration number; give ten digits, e.g. 123-45-67891.`,
    );
  }
  const d = [...digits].map(Number);
  let sum = WEIGHTS.reduce((total, weight, i) => total + weight * d[i]!, 0);
  sum += Math.floor((d[8]! * 5) / 10);
  if ((10 - (sum % 10)) % 10 !== d[9]) {
    throw new PluginError(
      'INVALID_REGISTRATION_NUMBER',
      `${input}: the check digit does not match; check the number for a typing mistake.`,
    );
  }
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}
