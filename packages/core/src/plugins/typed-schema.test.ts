import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { bundledFixture } from './fixtures/bundle-fixture.js';

const fixture = bundledFixture('test-plugin.mjs');

describe('typed service fields', () => {
  let hub: TestHub;
  let sandbox: string;
  beforeAll(async () => {
    hub = await createTestHub({
      plugins: [{ entry: fixture, capabilities: ['kv'] }],
      pluginOptions: { allowUnsigned: true },
    });
    sandbox = (
      await hub.services.apiKeys.issue(hub.fixtures.members.companyADev!, 'sandbox', ['READ', 'WRITE'], null, 'TEST')
    ).secret;
  });
  afterAll(() => hub.close());

  it('exposes each operation as a typed field under call { <service> }, with input and output types from its schemas', async () => {
    const res = await hub.gql(
      '{ call { misbehaving { echo(input: { text: "타입" }) { text } nap(input: { ms: 1 }) } } }',
      {},
      sandbox,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.call.misbehaving).toEqual({ echo: { text: '타입' }, nap: { slept: 1 } });
    const types = await hub.gql(
      '{ __type(name: "SvcMisbehavingEchoInput") { inputFields { name type { kind ofType { name } } } } }',
      {},
      sandbox,
    );
    expect(types.data.__type.inputFields).toEqual([
      { name: 'text', type: { kind: 'NON_NULL', ofType: { name: 'String' } } },
    ]);
  });

  it('refuses input the schema forbids before the plugin runs, as a GraphQL validation error', async () => {
    const res = await hub.gql('{ call { misbehaving { echo(input: { text: 3 }) { text } } } }', {}, sandbox);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('drops the fields when the plugin is disabled and brings them back when enabled, without a restart', async () => {
    const name = '@maru-test/misbehaving';
    await hub.gql(
      'mutation($n: String!) { disablePlugin(name: $n) { status } }',
      { n: name },
      hub.fixtures.keys.platformAdmin,
    );
    const gone = await hub.gql('{ call { misbehaving { echo(input: { text: "x" }) { text } } } }', {}, sandbox);
    expect(gone.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await hub.gql(
      'mutation($n: String!) { enablePlugin(name: $n) { status } }',
      { n: name },
      hub.fixtures.keys.platformAdmin,
    );
    const back = await hub.gql('{ call { misbehaving { echo(input: { text: "y" }) { text } } } }', {}, sandbox);
    expect(back.data.call.misbehaving.echo).toEqual({ text: 'y' });
  });
});

describe('JSON Schema to GraphQL types', () => {
  it('makes nullable fields nullable, 32-bit integers Int, closed string sets enums', async () => {
    const { buildTypedSchema } = await import('./typed-schema.js');
    const { getSchema } = await import('../schema.js');
    const { z } = await import('zod');
    const { definePlugin, defineOperation, defineService } = await import('@maru/sdk');
    const plugin = definePlugin({
      name: '@maru-test/types',
      version: '1.0.0',
      publisher: 'Maru tests',
      compatibility: '^1.0.0',
      services: [
        defineService({
          key: 'types-demo',
          name: 'Types',
          operations: {
            shape: defineOperation({
              kind: 'query',
              input: z.object({ kind: z.enum(['A', 'B']), n: z.int32() }),
              output: z.object({
                reason: z.string().nullable(),
                count: z.number().int().min(0).max(1000),
                big: z.number().int(),
              }),
              handler: () => ({ reason: null, count: 1, big: 2 }),
            }),
          },
        }),
      ],
    });
    const schema = buildTypedSchema(getSchema(), [plugin.manifest]);
    const result = schema.getType('SvcTypesDemoShapeResult') as import('graphql').GraphQLObjectType;
    const fields = result.getFields();
    expect(String(fields.reason!.type)).toBe('String');
    expect(String(fields.count!.type)).toBe('Int!');
    expect(String(fields.big!.type)).toBe('Float!');
    const input = schema.getType('SvcTypesDemoShapeInput') as import('graphql').GraphQLInputObjectType;
    expect(String(input.getFields().kind!.type)).toBe('SvcTypesDemoShapeInputKind!');
    expect(String(input.getFields().n!.type)).toBe('Int!');
  });
});
