import { readdirSync, readFileSync } from 'node:fs';
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

  it("lists every code the HTTP boundary can answer with: the hub's own and those yoga raises itself", () => {
    // yoga's request checks answer these before any GraphQL runs (malformed requests, bodies over its limit).
    const fromYoga = ['BAD_REQUEST', 'REQUEST_ENTITY_TOO_LARGE', 'GRAPHQL_VALIDATION_FAILED'];
    // Every code literal the GraphQL boundary (graphql/, http/, the composition root) puts in `extensions.code`.
    const boundary = ['graphql', 'http']
      .flatMap((dir) => readdirSync(join(import.meta.dirname, dir)).map((file) => join(dir, file)))
      .concat('create-hub.ts')
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .flatMap((file) =>
        [...readFileSync(join(import.meta.dirname, file), 'utf8').matchAll(/code: '([A-Z_]+)'/g)].map((m) => m[1]!),
      );
    expect(boundary.length).toBeGreaterThan(5);
    for (const code of [...fromYoga, ...boundary]) expect(Object.keys(ERROR_CODES), code).toContain(code);
  });
});
