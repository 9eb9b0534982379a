import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { encodeGlobalId, parseId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { requireScope } from '../identity/index.js';
import type { AuditQuery, ChainVerification } from './audit-trail.js';
import { ChainCheckEnum, ChainProblemRef, SignedCheckpointInput } from './checkpoint-schema.js';
import type { AuditEvent } from './model.js';

const auditVisibility = (event: AuditEvent) =>
  event.organizationId
    ? { $all: { keyScope: 'READ' as const, $any: { platformAdmin: true, administers: event.organizationId } } }
    : { $all: { keyScope: 'READ' as const, platformAdmin: true } };

export const AuditEventRef = nodeType<AuditEvent>('AuditEvent', {
  description:
    'One entry of the append-only, hash-chained audit trail: who did what to which object, when, and how it ended.',
  load: (id, ctx) => ctx.services.audit.get(id),
  authScopes: auditVisibility,
});

const AuditConnection = connectionOf(AuditEventRef, 'AuditEvent');

builder.objectFields(AuditEventRef, (t) => ({
  seq: t.exposeInt('seq', { description: 'Position in the chain, from 1, without gaps.' }),
  at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  action: t.exposeString('action', { description: '`<object>.<verb>`, e.g. `member.add`.' }),
  outcome: t.exposeString('outcome', { description: 'SUCCESS, or the error code the action was refused with.' }),
  actorMemberId: t.id({
    nullable: true,
    resolve: (e) => (e.actorMemberId ? encodeGlobalId('Member', e.actorMemberId) : null),
  }),
  actorOrganizationId: t.id({
    nullable: true,
    resolve: (e) => (e.actorOrganizationId ? encodeGlobalId('Organization', e.actorOrganizationId) : null),
  }),
  organizationId: t.id({
    nullable: true,
    description: 'The organization the target belongs to.',
    resolve: (e) => (e.organizationId ? encodeGlobalId('Organization', e.organizationId) : null),
  }),
  targetId: t.string({ nullable: true, description: 'The raw id of the object acted on.', resolve: (e) => e.targetId }),
  requestId: t.string({ nullable: true, resolve: (e) => e.requestId }),
  detail: t.field({
    type: 'JSON',
    nullable: true,
    description:
      "What the event says beyond its columns, e.g. a refused request's `operationName` and `fields`, or the " +
      "`count`, `codes` and `top` addresses of a window of anonymous refusals. Never a variable's value.",
    resolve: (e) => e.detail ?? null,
  }),
  prevHash: t.exposeString('prevHash'),
  hash: t.exposeString('hash', { description: 'SHA-256 over this event and `prevHash`.' }),
}));

const AuditFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    action: t.string({ required: false }),
    outcome: t.string({ required: false }),
    actorMemberId: t.id({ required: false }),
    organizationId: t.id({
      required: false,
      description: 'Required for organization admins: the organization whose trail to read.',
    }),
    targetId: t.string({ required: false }),
    from: t.field({ type: 'DateTime', required: false }),
    to: t.field({ type: 'DateTime', required: false }),
  }),
});

const ChainVerification = builder.objectRef<ChainVerification>('AuditChainVerification').implement({
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    checked: t.exposeInt('checked', { description: 'How many events were checked.' }),
    firstBrokenSeq: t.exposeInt('firstBrokenSeq', {
      nullable: true,
      description: 'The first event whose link is broken.',
    }),
    reason: t.exposeString('reason', { nullable: true }),
    failedCheck: t.field({
      type: ChainCheckEnum,
      nullable: true,
      description: 'The check the first problem failed; null when ok.',
      resolve: (v) => v.failedCheck,
    }),
    checkpointSeq: t.exposeInt('checkpointSeq', {
      nullable: true,
      description: 'The signed checkpoint verified against (its seq); null when there was none.',
    }),
    problems: t.field({
      type: [ChainProblemRef],
      description: 'Every problem found: at most the first broken link, then each failed checkpoint.',
      resolve: (v) => v.problems,
    }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.field({
    type: AuditConnection,
    description:
      'The audit trail, newest first. Platform admins read all of it; ' +
      "organization admins read their organization's (set `filter.organizationId`).",
    args: { ...pageArgs, filter: t.arg({ type: AuditFilter, required: false }) },
    resolve: (_root, args, ctx) => {
      // Before the filter is read: a caller without access learns that first, not that an id is malformed.
      requireScope(ctx.viewer, 'READ');
      const f = args.filter ?? {};
      const query: AuditQuery = {
        organizationId: f.organizationId
          ? parseId(f.organizationId, 'Organization', 'filter.organizationId')
          : undefined,
        action: f.action ?? undefined,
        outcome: f.outcome ?? undefined,
        targetId: f.targetId ?? undefined,
        actorMemberId: f.actorMemberId ? parseId(f.actorMemberId, 'Member', 'filter.actorMemberId') : undefined,
        from: f.from ?? undefined,
        to: f.to ?? undefined,
      };
      return toConnection(args, (page) => ctx.services.audit.listVisibleTo(ctx.viewer, query, page));
    },
  }),
  verifyAuditChain: t.field({
    type: ChainVerification,
    description:
      'Recompute every hash of the trail and report the first broken link; against a signed checkpoint (by default ' +
      'the latest this hub published), also whether events were removed from the end (TRUNCATED) or rewritten and ' +
      're-hashed (REHASHED). Platform admins only.',
    authScopes: { $all: { keyScope: 'READ', platformAdmin: true } },
    args: {
      checkpoint: t.arg({
        type: SignedCheckpointInput,
        required: false,
        description: 'A checkpoint of the audit log to verify against; refused unless signed by this hub.',
      }),
    },
    resolve: (_root, args, ctx) => ctx.services.audit.verify(args.checkpoint ? { checkpoints: [args.checkpoint] } : {}),
  }),
}));
