import { describe, expect, it } from 'vitest';
import { isCompatible, isValidRange } from './compatibility.js';
import { LEGACY_PLUGIN_API_VERSION, PLUGIN_API_VERSION } from './version.js';

describe('isCompatible', () => {
  it.each([
    ['^1.0.0', '1.4.2', true],
    ['^1.0.0', '2.0.0', false],
    ['^1.5.0', '1.4.9', false],
    ['^0.3.0', '0.3.9', true],
    ['^0.3.0', '0.4.0', false],
    ['~1.2.0', '1.2.9', true],
    ['~1.2.0', '1.3.0', false],
    ['>=1.0.0 <2.0.0', '1.9.9', true],
    ['>=1.0.0 <2.0.0', '2.0.0', false],
    ['1.x', '1.7.0', true],
    ['1.2.3', '1.2.3', true],
    ['1.2.3', '1.2.4', false],
    ['^2.0.0 || ^1.1.0', '1.2.0', true],
  ])('%s with API %s → %s', (range, version, expected) => {
    expect(isCompatible(range, version)).toBe(expected);
  });

  it('implements plugin API 2 (bundles in isolates): plugins built for API 1 match only the legacy API, where operators allow it', () => {
    expect(PLUGIN_API_VERSION).toBe('2.0.0');
    expect(LEGACY_PLUGIN_API_VERSION).toBe('1.1.0');
    expect(isCompatible('^2.0.0')).toBe(true);
    expect(isCompatible('^1.0.0')).toBe(false);
    expect(isCompatible('^1.0.0', LEGACY_PLUGIN_API_VERSION)).toBe(true);
    expect(isCompatible('^1.1.0', LEGACY_PLUGIN_API_VERSION)).toBe(true);
    expect(isCompatible('^2.1.0')).toBe(false);
  });

  it('refuses ranges it cannot read', () => {
    expect(isValidRange('latest')).toBe(false);
    expect(isCompatible('latest', '1.0.0')).toBe(false);
  });
});
