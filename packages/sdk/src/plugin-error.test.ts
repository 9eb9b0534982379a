import { describe, expect, it } from 'vitest';
import { PluginError, isPluginError } from './plugin-error.js';

describe('PluginError', () => {
  it('keeps its code and message', () => {
    const error = new PluginError('ADDRESS_NOT_FOUND', 'No address matches; check the spelling.');
    expect(error.code).toBe('ADDRESS_NOT_FOUND');
    expect(error.message).toBe('No address matches; check the spelling.');
    expect(isPluginError(error)).toBe(true);
  });

  it('refuses codes that are not UPPER_SNAKE_CASE', () => {
    expect(() => new PluginError('not-a-code', 'x')).toThrow(/UPPER_SNAKE_CASE/);
  });

  it('does not mistake a plain error for a plugin error', () => {
    expect(isPluginError(new Error('boom'))).toBe(false);
  });
});
