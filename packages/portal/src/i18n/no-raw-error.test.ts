import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// The hub's message is English, for developers; people read the portal's words for its code (use-error-text.ts,
// toErrorText and toFormError in graphql/form-error.ts). These are the ways pages used to show the message instead.
const RAW = [
  /\$\{[\w.?!]+\.message\} \(\$\{[\w.?!]+\.code\}\)/, // `${error.message} (${error.code})`
  /set\w*Error\(\s*\w+ instanceof (?:Graphql\w*)?Error \? \w+\.message/, // setError(caught instanceof Error ? caught.message …)
];

describe("the portal never shows a hub's message raw", () => {
  it('explains every refusal through its code', () => {
    const found = sources(src).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          RAW.some((raw) => raw.test(line)) ? [`${relative(src, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it('recognises the raw patterns', () => {
    expect(RAW[0]!.test('error={page.error ? `${page.error.message} (${page.error.code})` : null}')).toBe(true);
    expect(RAW[1]!.test('setError(caught instanceof Error ? caught.message : String(caught))')).toBe(true);
    expect(RAW.some((raw) => raw.test('error={toErrorText(page.error)}'))).toBe(false);
  });
});
