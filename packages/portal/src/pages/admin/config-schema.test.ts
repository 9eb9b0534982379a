import { describe, expect, it } from 'vitest';
import { checkConfig, settingsOf } from './config-schema';

const schema = {
  type: 'object',
  properties: { greeting: { type: 'string', description: 'Said first' }, retries: { type: 'integer' } },
  required: ['greeting'],
  additionalProperties: false,
};

describe("a plugin's configuration schema", () => {
  it('lists the top-level settings with their type and whether they are required', () => {
    expect(settingsOf(schema)).toEqual([
      { name: 'greeting', type: 'string', required: true, description: 'Said first' },
      { name: 'retries', type: 'integer', required: false, description: '' },
    ]);
  });

  it('finds a missing, mistyped or unknown setting, and a configuration that is no object', () => {
    expect(checkConfig(schema, { greeting: 'hi', retries: 2 })).toEqual([]);
    expect(checkConfig(schema, [])).toEqual([{ kind: 'notObject' }]);
    expect(checkConfig(schema, { retries: 1.5, colour: 'red' })).toEqual([
      { kind: 'missing', name: 'greeting' },
      { kind: 'wrongType', name: 'retries', type: 'integer' },
      { kind: 'unknown', name: 'colour' },
    ]);
  });
});
