import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toErrorText, toFormError } from '../graphql/form-error';
import { GraphqlRequestError } from '../graphql/client';
import { errorCode as en } from './en/error-code';
import { errorCode as ko } from './ko/error-code';
import { explainCode, explainError } from './use-error-text';

// Every code the hub can answer with is documented there (core's errors.test.ts checks it against errors.ts).
const doc = readFileSync(join(import.meta.dirname, '../../../../docs/reference/errors.md'), 'utf8');
const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!);
// The portal's own: the hub could not be reached.
const codes = [...documented, 'NETWORK'];
const HANGUL = /[\uAC00-\uD7A3]/;
const texts = { en: en as Record<string, string>, ko: ko as Record<string, string> };

describe("every error code in people's words", () => {
  it('reads the codes from docs/reference/errors.md', () => {
    expect(documented.length).toBeGreaterThan(30);
    expect(documented).toContain('FORBIDDEN');
    expect(documented).toContain('INTERNAL');
  });

  it.each(codes)('%s has an English and a Korean text', (code) => {
    expect(Object.hasOwn(texts.en, code), `en/error-code.ts lacks ${code}`).toBe(true);
    expect(Object.hasOwn(texts.ko, code), `ko/error-code.ts lacks ${code}`).toBe(true);
    expect(texts.ko[code], `the Korean text of ${code}`).toMatch(HANGUL);
    expect(texts.en[code], `the English text of ${code}`).not.toMatch(HANGUL);
    // Words for people: a sentence or two, not the code again.
    for (const text of [texts.en[code]!, texts.ko[code]!]) {
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toContain(code);
    }
  });

  it('has a Korean text for every English one and nothing else', () => {
    expect(Object.keys(texts.ko).sort()).toEqual(Object.keys(texts.en).sort());
    for (const [key, text] of Object.entries(texts.ko)) expect(text, key).toMatch(HANGUL);
  });
});

describe('explainError', () => {
  const hub = new GraphqlRequestError(
    'FORBIDDEN',
    'Only members of the owning agency may publish (role CHALLENGE_MANAGER).',
  );

  it("shows the portal's words and the code, never the hub's English message", () => {
    expect(explainError(hub, 'ko')).toBe(`${ko.FORBIDDEN} (FORBIDDEN)`);
    expect(explainError(hub, 'en')).toBe(`${en.FORBIDDEN} (FORBIDDEN)`);
    expect(explainError('SESSION_EXPIRED', 'ko')).toBe(`${ko.SESSION_EXPIRED} (SESSION_EXPIRED)`);
  });

  it('gives a code it does not know a general message in the current language, with the code for support', () => {
    const unknown = new GraphqlRequestError('SOMETHING_NEW', 'A developer message in English.');
    expect(explainError(unknown, 'ko')).toBe(`${ko.unknown} (SOMETHING_NEW)`);
    expect(explainError(unknown, 'en-US')).toBe(`${en.unknown} (SOMETHING_NEW)`);
    expect(explainError(unknown, 'ko')).not.toContain('developer');
    // "unknown" and "pluginRefusal" are texts, not codes a hub sends.
    expect(explainCode('pluginRefusal', 'ko')).toBe(ko.unknown);
  });

  it("gives a plugin's own code the words for a service's refusal", () => {
    expect(explainCode('PLUGIN_ACME_MARU_ADDRESS_ADDRESS_NOT_FOUND', 'ko')).toBe(ko.pluginRefusal);
    expect(explainCode('PLUGIN_FAILED', 'ko')).toBe(ko.PLUGIN_FAILED);
  });

  it("turns a refusal into a form's error in the page's language, keeping the field it names", () => {
    const refused = new GraphqlRequestError(
      'BAD_USER_INPUT',
      '`input.title` must be at most 200 characters',
      'input.title',
    );
    expect(toFormError(refused, 'ko')).toEqual({
      message: `${ko.BAD_USER_INPUT} (BAD_USER_INPUT)`,
      field: 'input.title',
    });
    expect(toFormError(refused)!.message).toBe(`${en.BAD_USER_INPUT} (BAD_USER_INPUT)`);
    expect(toFormError(null)).toBeNull();
  });

  it("turns a refusal into a list's error line in the page's language", () => {
    expect(toErrorText(new GraphqlRequestError('NETWORK', 'fetch failed'), 'ko')).toBe(`${ko.NETWORK} (NETWORK)`);
    expect(toErrorText(null)).toBeNull();
  });
});
