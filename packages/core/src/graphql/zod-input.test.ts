import { graphql, printType } from 'graphql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { validate } from '../validation.js';
import { builder } from './builder.js';
import { encodeGlobalId } from './global-id.js';
import { fromGraphQL, globalId, graphqlInput, zodArgs, zodInput } from './zod-input.js';

const colour = z.enum(['RED', 'GREEN']);
const ColourEnum = builder.enumType('ProbeColour', { values: ['RED', 'GREEN'] as const });

const step = z
  .object({ name: z.string().min(1, 'a step name must not be empty'), minutes: z.number().int().nullable() })
  .register(graphqlInput, { name: 'ProbeStepInput' });

const ProbeInput = zodInput(
  'ProbeInput',
  z.object({
    ownerId: globalId('Organization'),
    title: z.string().trim().min(1, 'a title must not be empty').describe('Shown to everyone.'),
    note: z.string().default(''),
    score: z.number().min(0),
    amount: z.number().int().register(graphqlInput, { type: 'Float' }),
    done: z.boolean().optional(),
    colour,
    tags: z.array(z.string()).default([]),
    steps: z.array(step).optional(),
    serviceIds: z.array(globalId('Service')).optional(),
  }),
  { enums: [[colour, ColourEnum]] },
);

let received: unknown;
builder.queryField('ping', (t) => t.boolean({ resolve: () => true }));
builder.mutationField('probe', (t) =>
  t.boolean({
    args: { input: t.arg({ type: ProbeInput.ref, required: true }) },
    resolve: (_root, { input }) => {
      received = validate(ProbeInput.schema, fromGraphQL(ProbeInput, input));
      return true;
    },
  }),
);
const ProbeArgs = zodArgs(
  z.object({
    steps: z.array(step).min(1, 'give a step'),
    ownerIds: z.array(globalId('Organization')).optional(),
    note: z.string().nullish().describe('Kept when null.'),
    reviewerId: globalId('Member').nullish(),
  }),
);
builder.mutationField('probeArgs', (t) =>
  t.boolean({
    args: { id: t.arg.id({ required: true }), ...ProbeArgs.args },
    resolve: (_root, args) => {
      expectTypeOf(args.steps).toEqualTypeOf<{ name: string; minutes: number | null }[]>();
      expectTypeOf(args.note).toEqualTypeOf<string | null | undefined>();
      received = validate(ProbeArgs.schema, fromGraphQL(ProbeArgs, args, ''));
      return true;
    },
  }),
);
const schema = builder.toSchema();
const run = (source: string) => graphql({ schema, source, contextValue: {} });

const owner = encodeGlobalId('Organization', 'org-1');

describe('zodInput', () => {
  it('derives the GraphQL input type from the zod object', () => {
    expect(printType(schema.getType('ProbeInput')!)).toBe(
      [
        'input ProbeInput {',
        '  amount: Float!',
        '  colour: ProbeColour!',
        '  done: Boolean',
        '  note: String',
        '  ownerId: ID!',
        '  score: Float!',
        '  serviceIds: [ID!]',
        '  steps: [ProbeStepInput!]',
        '  tags: [String!]',
        '',
        '  """Shown to everyone."""',
        '  title: String!',
        '}',
      ].join('\n'),
    );
    expect(printType(schema.getType('ProbeStepInput')!)).toBe(
      'input ProbeStepInput {\n  minutes: Int\n  name: String!\n}',
    );
  });

  it('hands the resolver raw ids, the defaults, and null only where the schema takes null', async () => {
    const result = await run(
      `mutation { probe(input: { ownerId: "${owner}", title: " Hi ", note: null, score: 1.5, amount: 3, colour: RED,
         steps: [{ name: "a" }], serviceIds: ["${encodeGlobalId('Service', 'svc-1')}"] }) }`,
    );
    expect(result.errors).toBeUndefined();
    expect(received).toEqual({
      ownerId: 'org-1',
      title: 'Hi',
      note: '',
      score: 1.5,
      amount: 3,
      colour: 'RED',
      tags: [],
      steps: [{ name: 'a', minutes: null }],
      serviceIds: ['svc-1'],
    });
  });

  it('refuses an invalid value naming the field', async () => {
    const result = await run(
      `mutation { probe(input: { ownerId: "${owner}", title: "x", score: 1, amount: 1, colour: GREEN, steps: [{ name: "" }] }) }`,
    );
    expect(result.errors?.[0]?.originalError).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'input.steps.0.name' },
    });
    expect(result.errors?.[0]?.message).toBe('`input.steps.0.name`: a step name must not be empty');
  });

  it('refuses a global id of another type naming the field', async () => {
    const result = await run(
      `mutation { probe(input: { ownerId: "${owner}", title: "x", score: 1, amount: 1, colour: RED,
         serviceIds: ["${owner}"] }) }`,
    );
    expect(result.errors?.[0]?.originalError).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'input.serviceIds.0' },
    });
    expect(result.errors?.[0]?.message).toBe(
      '`input.serviceIds.0` must be the id of a Service, but it is the id of an Organization.',
    );
  });

  it('derives arguments from a zod object, naming a bad id by its argument', async () => {
    const field = schema.getMutationType()!.getFields()['probeArgs']!;
    expect(field.args.map((a) => `${a.name}: ${a.type}${a.description ? ` "${a.description}"` : ''}`).sort()).toEqual([
      'id: ID!',
      'note: String "Kept when null."',
      'ownerIds: [ID!]',
      'reviewerId: ID',
      'steps: [ProbeStepInput!]!',
    ]);
    const ok = await run(
      `mutation { probeArgs(id: "x", steps: [{ name: "a", minutes: 2 }], note: null, reviewerId: "") }`,
    );
    expect(ok.errors).toBeUndefined();
    expect(received).toEqual({ steps: [{ name: 'a', minutes: 2 }], note: null, reviewerId: null });
    const bad = await run(
      `mutation { probeArgs(id: "x", steps: [{ name: "a" }], ownerIds: ["${encodeGlobalId('Service', 's')}"]) }`,
    );
    expect(bad.errors?.[0]?.originalError).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'ownerIds.0' },
    });
  });
});
