import { describe, expect, it } from 'vitest';
import { createUiI18n } from './create-ui-i18n';
import { uiResources } from './resources';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}

const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

describe('uiResources', () => {
  const en = flatten(uiResources.en['maru-ui'] as Tree);
  const ko = flatten(uiResources.ko['maru-ui'] as Tree);

  it('has the same keys in Korean and English', () => {
    expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('uses the same interpolation variables in both languages', () => {
    const differing = [...en]
      .filter(([key, text]) => variables(text).join() !== variables(ko.get(key) ?? '').join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('has no empty texts', () => {
    expect([...en, ...ko].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
  });

  it('createUiI18n answers in the language asked for, synchronously', () => {
    expect(createUiI18n('ko').t('status.challenge.OPEN')).toBe('접수 중');
    expect(createUiI18n('en').t('status.challenge.OPEN')).toBe('Open');
  });
});
