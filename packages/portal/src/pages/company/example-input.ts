/** A JSON Schema as much of it as the console reads: enough to write a starting input. */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  minimum?: number;
}

/**
 * A starting input for an operation, from its input schema: each required field (and each with a default) with
 * its default, first example or an empty value of its type. Pretty-printed JSON, for the editor.
 */
export function exampleInput(schema: unknown): string {
  return JSON.stringify(valueOf(schema as Schema | undefined, true) ?? {}, null, 2);
}

function valueOf(schema: Schema | undefined, top = false): unknown {
  if (!schema || typeof schema !== 'object') return top ? {} : null;
  if (schema.default !== undefined) return schema.default;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, field] of Object.entries(schema.properties ?? {}))
        if (required.has(name) || field.default !== undefined) out[name] = valueOf(field);
      return out;
    }
    case 'array':
      return [];
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return top ? {} : null;
  }
}

/** The input the editor holds, parsed; or the line where the JSON breaks (null when the parser does not say). */
export function parseInput(text: string): { ok: true; value: unknown } | { ok: false; line: number | null } {
  if (!text.trim()) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const lineCol = /line (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const line = lineCol ? Number(lineCol[1]) : position ? text.slice(0, Number(position[1])).split('\n').length : null;
    return { ok: false, line };
  }
}
