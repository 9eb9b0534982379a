import { badInput } from '../errors.js';
import { FIELD_TYPES, type DataField, type FieldType } from './model.js';

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
// Names that mean something to every JavaScript object: a record holding them would not round-trip.
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);
export const MAX_FIELDS = 200;

/** Checks declared fields: identifiers, unique, known types. */
export function checkFields(fields: readonly DataField[], path = 'fields'): DataField[] {
  if (fields.length > MAX_FIELDS)
    throw badInput(path, `A connection has at most ${MAX_FIELDS} fields; it had ${fields.length}.`);
  const seen = new Set<string>();
  return fields.map((field, i) => {
    if (!FIELD_NAME.test(field.name))
      throw badInput(
        `${path}.${i}.name`,
        `Field name "${field.name.slice(0, 80)}" must start with a ` +
          `letter or _ and hold only letters, digits and _ (at most 64).`,
      );
    if (RESERVED.has(field.name))
      throw badInput(`${path}.${i}.name`, `"${field.name}" is reserved; choose another field name.`);
    if (seen.has(field.name)) throw badInput(`${path}.${i}.name`, `Field "${field.name}" is declared twice.`);
    seen.add(field.name);
    if (!FIELD_TYPES.includes(field.type))
      throw badInput(`${path}.${i}.type`, `Field type must be one of ${FIELD_TYPES.join(', ')}.`);
    return {
      name: field.name,
      type: field.type,
      description: (field.description ?? '').slice(0, 500),
      personal: !!field.personal,
    };
  });
}

const INTEGER = /^-?\d{1,15}$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function typeOf(value: unknown): FieldType | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'NUMBER';
  if (typeof value !== 'string') return 'STRING';
  const text = value.trim();
  if (INTEGER.test(text)) return 'INTEGER';
  if (NUMBER.test(text)) return 'NUMBER';
  if (/^(true|false)$/i.test(text)) return 'BOOLEAN';
  if (DATE.test(text) && !Number.isNaN(Date.parse(text))) return 'DATE';
  return 'STRING';
}

/** The narrowest type that holds every sample; a mix of integers and decimals is NUMBER, any other mix STRING. */
function widen(a: FieldType | null, b: FieldType | null): FieldType | null {
  if (!a) return b;
  if (!b || a === b) return a;
  if ((a === 'INTEGER' && b === 'NUMBER') || (a === 'NUMBER' && b === 'INTEGER')) return 'NUMBER';
  return 'STRING';
}

/**
 * Infers a schema from the first records of a first sync. Names that are not
 * identifiers cannot be queried by field: the sync fails naming them, so the
 * owner declares the fields (or renames the columns) instead.
 */
export function inferFields(samples: ReadonlyArray<Record<string, unknown>>): DataField[] {
  const types = new Map<string, FieldType | null>();
  for (const sample of samples) {
    for (const [name, value] of Object.entries(sample)) types.set(name, widen(types.get(name) ?? null, typeOf(value)));
  }
  const bad = [...types.keys()].filter((name) => !FIELD_NAME.test(name) || RESERVED.has(name));
  if (bad.length > 0)
    throw new Error(
      `column names ${bad.map((n) => `"${n.slice(0, 40)}"`).join(', ')} are not ` +
        `identifiers (letters, digits, _): declare the fields or rename the columns`,
    );
  return [...types].map(([name, type]) => ({ name, type: type ?? 'STRING', description: '', personal: false }));
}

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

/** Converts a source value to the field's type; empty values become null. */
export function coerce(field: DataField, value: unknown): Coerced {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  const text = typeof value === 'string' ? value.trim() : value;
  const fail = (): Coerced => ({
    ok: false,
    reason:
      `${field.name}: ${JSON.stringify(value).slice(0, 60)} is ` +
      `not ${field.type === 'INTEGER' ? 'an' : 'a'} ${field.type}`,
  });
  switch (field.type) {
    case 'STRING':
      return {
        ok: true,
        value: typeof text === 'string' ? text : typeof text === 'object' ? JSON.stringify(text) : String(text),
      };
    case 'INTEGER': {
      const n = typeof text === 'number' ? text : typeof text === 'string' && INTEGER.test(text) ? Number(text) : NaN;
      return Number.isSafeInteger(n) ? { ok: true, value: n } : fail();
    }
    case 'NUMBER': {
      const n = typeof text === 'number' ? text : typeof text === 'string' && NUMBER.test(text) ? Number(text) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : fail();
    }
    case 'BOOLEAN':
      if (typeof text === 'boolean') return { ok: true, value: text };
      if (typeof text === 'string' && /^(true|false)$/i.test(text))
        return { ok: true, value: text.toLowerCase() === 'true' };
      return fail();
    case 'DATE':
      // Dates stay strings as given (ISO-8601), so they sort and compare as text on every engine.
      return typeof text === 'string' && DATE.test(text) && !Number.isNaN(Date.parse(text))
        ? { ok: true, value: text }
        : fail();
  }
}
