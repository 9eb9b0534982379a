import { builder } from '../graphql/builder.js';
import type { ChainCheck, ChainProblem } from './hash-chain.js';

const CHAIN_CHECKS = ['SEQUENCE', 'LINK', 'CONTENT', 'TRUNCATED', 'REHASHED'] as const satisfies readonly ChainCheck[];

export const ChainCheckEnum = builder.enumType('ChainCheck', {
  description:
    'Which check a hash-chained log failed: a record missing from the middle (SEQUENCE), a record not pointing to ' +
    "its predecessor's hash (LINK), content that does not match its hash (CONTENT), fewer records than a signed " +
    'checkpoint covers (TRUNCATED), or the chain up to a checkpoint no longer ending in its signed head hash (REHASHED).',
  values: CHAIN_CHECKS,
});

export const ChainProblemRef = builder.objectRef<ChainProblem>('ChainProblem').implement({
  description: 'One problem a verification of a hash-chained log found.',
  fields: (t) => ({
    check: t.field({ type: ChainCheckEnum, resolve: (p) => p.check }),
    seq: t.exposeInt('seq', { description: 'The first record concerned.' }),
    reason: t.exposeString('reason'),
  }),
});

/** A signed checkpoint as published (the checkpoint file's lines, `GET /audit/checkpoint`), copied unchanged. */
export const SignedCheckpointInput = builder.inputType('SignedCheckpointInput', {
  description:
    "A checkpoint the hub signed, copied unchanged from `GET /audit/checkpoint` or the hub's checkpoint file.",
  fields: (t) => ({
    log: t.string({ required: true, description: '`audit` or `data-access`.' }),
    seq: t.int({ required: true }),
    headHash: t.string({ required: true }),
    at: t.string({ required: true, description: 'As published: the signature covers the exact text.' }),
    signature: t.string({ required: true, description: 'Ed25519, base64.' }),
  }),
});
