/** The part of a JSON Schema the portal reads to describe a plugin's settings and check them before sending. */
export interface ConfigSchema {
  type?: string;
  properties?: Record<string, { type?: string | string[]; description?: string }>;
  required?: string[];
  additionalProperties?: boolean | object;
}

export interface ConfigSetting {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** The schema's top-level settings, in its order. */
export function settingsOf(schema: ConfigSchema): ConfigSetting[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: [property.type ?? 'any'].flat().join(' | '),
    required: (schema.required ?? []).includes(name),
    description: property.description ?? '',
  }));
}

export type ConfigProblem =
  | { kind: 'notObject' }
  | { kind: 'missing'; name: string }
  | { kind: 'wrongType'; name: string; type: string }
  | { kind: 'unknown'; name: string };

const typeOf = (value: unknown): string[] => {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
};

/**
 * A first check of the top level only (object, required settings, their types, unknown ones when the schema refuses
 * them), so an admin hears of a slip at once; the plugin checks the whole schema when the configuration is saved.
 */
export function checkConfig(schema: ConfigSchema, config: unknown): ConfigProblem[] {
  if (schema.type !== 'object' && !schema.properties) return [];
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return [{ kind: 'notObject' }];
  const values = config as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  for (const name of schema.required ?? []) if (!(name in values)) problems.push({ kind: 'missing', name });
  for (const [name, value] of Object.entries(values)) {
    const property = schema.properties?.[name];
    if (!property) {
      if (schema.additionalProperties === false) problems.push({ kind: 'unknown', name });
      continue;
    }
    const allowed = [property.type ?? []].flat();
    if (allowed.length && !typeOf(value).some((type) => allowed.includes(type)))
      problems.push({ kind: 'wrongType', name, type: allowed.join(' | ') });
  }
  return problems;
}
