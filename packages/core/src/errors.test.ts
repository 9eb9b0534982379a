import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.js';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/reference/errors.md'), 'utf8');
const documented = new Map(
  [...doc.matchAll(/^\| `([A-Z_]+)` \| (.+?) \| (.+?) \|$/gm)].map((m) => [m[1]!, { meaning: m[2]!, fix: m[3]! }]),
);

describe('docs/reference/errors.md', () => {
  it('documents exactly the codes in errors.ts', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('says the same thing about each code as the registry', () => {
    const plain = (text: string) => text.replaceAll('`', '');
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(plain(documented.get(code)!.meaning), code).toBe(plain(entry.meaning));
      expect(plain(documented.get(code)!.fix), code).toBe(plain(entry.fix));
    }
  });
});
