import { generate } from '@graphql-codegen/cli';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

const sdl = readFileSync(new URL('../../../docs/reference/schema.graphql', import.meta.url), 'utf8');

async function codegenAgainst(schema: string) {
  const dir = mkdtempSync(join(tmpdir(), 'maru-codegen-'));
  writeFileSync(join(dir, 'schema.graphql'), schema);
  const outputs = Object.values(config.generates);
  return generate(
    {
      ...config,
      cwd: new URL('..', import.meta.url).pathname,
      schema: join(dir, 'schema.graphql'),
      generates: { [join(dir, 'gql/')]: outputs[0]! },
      errorsOnly: true,
    },
    false,
  );
}

describe('the build against the SDL', () => {
  it('generates types from docs/reference/schema.graphql', async () => {
    await expect(codegenAgainst(sdl)).resolves.toBeDefined();
  });

  it('fails when the schema no longer has a field an operation uses', async () => {
    const renamed = sdl.replace(
      'challengeEvents(challengeId: ID): ChallengeEvent!',
      'challengeUpdates(challengeId: ID): ChallengeEvent!',
    );
    expect(renamed).not.toBe(sdl);
    await expect(codegenAgainst(renamed)).rejects.toThrow(
      /Cannot query field "challengeEvents" on type "Subscription"/,
    );
  });
});
