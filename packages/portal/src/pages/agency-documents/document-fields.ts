/**
 * The fields of the document kinds the portal has a form for: what the bundled documents plugin certifies about its
 * subject (plugins/documents/src/certificate.ts). A kind without a form here is entered as JSON.
 */
export type FieldKey =
  'businessRegistrationNumber' | 'companyName' | 'representativeName' | 'address' | 'name' | 'birthDate';

export interface DocumentField {
  key: FieldKey;
  /** Which text labels it (agencyDocuments.fields.<label>). */
  label: FieldKey | 'optionalAddress';
  required: boolean;
  check?: 'brn' | 'date';
  /** Filled from the company chosen as holder while still empty. */
  fromHolderName?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric';
}

export const DOCUMENT_FIELDS: Record<string, DocumentField[]> = {
  'business-registration': [
    { key: 'businessRegistrationNumber', label: 'businessRegistrationNumber', required: true, check: 'brn' },
    { key: 'companyName', label: 'companyName', required: true, fromHolderName: true, autoComplete: 'organization' },
    { key: 'representativeName', label: 'representativeName', required: true, autoComplete: 'off' },
    { key: 'address', label: 'optionalAddress', required: false, autoComplete: 'street-address' },
  ],
  'residence-certificate': [
    { key: 'name', label: 'name', required: true, autoComplete: 'off' },
    { key: 'birthDate', label: 'birthDate', required: true, check: 'date' },
    { key: 'address', label: 'address', required: true, autoComplete: 'street-address' },
  ],
};

/** A 사업자등록번호 (123-45-67891) whose last digit is its check digit, as the issuer checks it. */
export function isBusinessRegistrationNumber(value: string): boolean {
  if (!/^\d{3}-\d{2}-\d{5}$/.test(value)) return false;
  const digits = value.replace(/-/g, '').split('').map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const sum = weights.reduce((total, weight, i) => total + weight * digits[i]!, 0) + Math.floor((digits[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === digits[9];
}

/** A calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** What is wrong with one field's value, if anything: 'required', 'brn' or 'date'. */
export function fieldProblem(field: DocumentField, raw: string | undefined): 'required' | 'brn' | 'date' | null {
  const value = (raw ?? '').trim();
  if (!value) return field.required ? 'required' : null;
  if (field.check === 'brn' && !isBusinessRegistrationNumber(value)) return 'brn';
  if (field.check === 'date' && !isIsoDate(value)) return 'date';
  return null;
}
