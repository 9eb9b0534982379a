import { badInput } from '../errors.js';
import { escapeRegex } from '../identity/index.js';
import type { Filter } from '../store/port.js';
import { coerce } from './field-schema.js';
import type { DataConnection } from './model.js';

/** One condition on a field; several conditions must all hold. */
export interface RecordCondition {
  field: string;
  eq?: unknown;
  in?: unknown[] | null;
  gt?: unknown;
  gte?: unknown;
  lt?: unknown;
  lte?: unknown;
  /** Case-insensitive substring, STRING fields only. */
  contains?: string | null;
}

const MAX_CONDITIONS = 10;
const RANGE = ['gt', 'gte', 'lt', 'lte'] as const;

/** The store filter for conditions on a connection's records; values are converted to each field's type. */
export function recordFilter(connection: DataConnection, conditions: readonly RecordCondition[]): Filter {
  if (conditions.length > MAX_CONDITIONS)
    throw badInput('where', `At most ${MAX_CONDITIONS} conditions; there were ${conditions.length}.`);
  const and: Filter[] = [];
  conditions.forEach((condition, i) => {
    const path = `where.${i}`;
    const field = connection.fields.find((f) => f.name === condition.field);
    if (!field)
      throw badInput(`${path}.field`, `"${connection.name}" has no field "${String(condition.field).slice(0, 64)}".`);
    const value = (raw: unknown, at: string) => {
      const result = coerce(field, raw);
      if (!result.ok || result.value === null)
        throw badInput(at, `\`${at}\`: ${result.ok ? 'a value is needed' : result.reason}.`);
      return result.value;
    };
    const target = `data.${field.name}`;
    let used = 0;
    if (condition.eq !== undefined && condition.eq !== null) {
      and.push({ [target]: value(condition.eq, `${path}.eq`) });
      used++;
    }
    if (condition.in) {
      if (condition.in.length === 0 || condition.in.length > 100)
        throw badInput(`${path}.in`, '`in` takes 1 to 100 values.');
      and.push({ [target]: { $in: condition.in.map((v, j) => value(v, `${path}.in.${j}`)) } });
      used++;
    }
    const range: Record<string, unknown> = {};
    for (const op of RANGE) {
      if (condition[op] === undefined || condition[op] === null) continue;
      if (field.type === 'BOOLEAN') throw badInput(`${path}.${op}`, `${field.name} is a BOOLEAN: use eq.`);
      range[`$${op}`] = value(condition[op], `${path}.${op}`);
    }
    if (Object.keys(range).length > 0) {
      and.push({ [target]: range });
      used++;
    }
    if (condition.contains !== undefined && condition.contains !== null) {
      if (field.type !== 'STRING')
        throw badInput(`${path}.contains`, `contains works on STRING fields; ${field.name} is ${field.type}.`);
      if (condition.contains.length === 0 || condition.contains.length > 100)
        throw badInput(`${path}.contains`, '`contains` takes 1 to 100 characters.');
      and.push({ [target]: { $regex: escapeRegex(condition.contains), $options: 'i' } });
      used++;
    }
    if (used === 0)
      throw badInput(
        path,
        `The condition on ${field.name} names no operator: use eq, in, gt, gte, lt, lte or contains.`,
      );
  });
  return and.length ? { $and: and } : {};
}
