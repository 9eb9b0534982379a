import { loadOrganization, requireOrganization } from '../graphql/loaders.js';
import { forbidden, unauthenticated } from '../errors.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { fromGraphQL, zodInput } from '../graphql/zod-input.js';
import { ChainCheckEnum, ChainProblemRef, SignedCheckpointInput, type ChainVerification } from '../audit/index.js';
import { isPlatformAdmin, OrganizationRef, requireScope } from '../identity/index.js';
import { DataConnectionRef } from './connection-schema.js';
import { recordConsentInput } from './consent-input.js';
import type { DataSubject } from './consent-service.js';
import type { AccessLogEntry, Consent } from './model.js';

export const ConsentRef = nodeType<Consent>('DataConsent', {
  description:
    "A data subject's consent: these personal fields of one " +
    'connection, to one requester, for one purpose, until a date.',
  load: (id, ctx) => ctx.services.data.consents.visibleTo({ viewer: ctx.viewer, subject: ctx.subject }, id),
});
const ConsentConnection = connectionOf(ConsentRef, 'DataConsent');

builder.objectFields(ConsentRef, (t) => ({
  subjectId: t.exposeString('subjectId'),
  dataConnection: t.field({
    type: DataConnectionRef,
    resolve: (c, _a, ctx) => ctx.services.data.connections.require(c.connectionId),
  }),
  fields: t.exposeStringList('fields'),
  requesterOrganization: t.field({
    type: OrganizationRef,
    nullable: true,
    resolve: (c, _a, ctx) => (c.requester.organizationId ? loadOrganization(ctx, c.requester.organizationId) : null),
  }),
  requesterPlugin: t.string({ nullable: true, resolve: (c) => c.requester.pluginName }),
  purpose: t.exposeString('purpose'),
  validFrom: t.field({ type: 'DateTime', resolve: (c) => c.validFrom }),
  validUntil: t.field({ type: 'DateTime', resolve: (c) => c.validUntil }),
  status: t.exposeString('status', { description: 'ACTIVE or REVOKED; an ACTIVE consent also ends at `validUntil`.' }),
  revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.revokedAt }),
  revokedBy: t.exposeString('revokedBy', { nullable: true, description: 'AGENCY or SUBJECT.' }),
}));

export const AccessLogEntryRef = builder.objectRef<AccessLogEntry>('DataAccessLogEntry').implement({
  description:
    'One read of records: who, what, under which approval and consents, how many, whose. Chained like the audit trail.',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    dataConnection: t.field({
      type: DataConnectionRef,
      nullable: true,
      resolve: (e, _a, ctx) => ctx.loaders.byId(ctx.services.data.connections, e.connectionId),
    }),
    actorKind: t.exposeString('actorKind', { description: 'MEMBER (through an API key), PLUGIN or ANONYMOUS.' }),
    actorOrganization: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.actorOrganizationId ? loadOrganization(ctx, e.actorOrganizationId) : null),
    }),
    // A data subject learns which organization read and why, not which employee or key.
    actorMemberId: t.string({
      nullable: true,
      description: 'Global id of the member (null for data subjects).',
      resolve: (e, _a, ctx) => (e.actorMemberId && !ctx.subject ? encodeGlobalId('Member', e.actorMemberId) : null),
    }),
    actorApiKeyId: t.string({
      nullable: true,
      description: 'Global id of the API key (null for data subjects).',
      resolve: (e, _a, ctx) => (e.actorApiKeyId && !ctx.subject ? encodeGlobalId('ApiKey', e.actorApiKeyId) : null),
    }),
    actorPlugin: t.string({ nullable: true, resolve: (e) => e.actorPluginName }),
    channel: t.exposeString('channel', { description: 'records, preview or plugin.' }),
    fields: t.exposeStringList('fields'),
    purpose: t.exposeString('purpose', { nullable: true }),
    basis: t.exposeString('basis', { nullable: true, description: 'PUBLIC, INTERNAL, OWNER or APPROVAL.' }),
    accessRequestId: t.string({
      nullable: true,
      resolve: (e) => (e.accessRequestId ? encodeGlobalId('DataAccessRequest', e.accessRequestId) : null),
    }),
    consentIds: t.stringList({ resolve: (e) => e.consentIds.map((id) => encodeGlobalId('DataConsent', id)) }),
    recordCount: t.exposeInt('recordCount'),
    subjectIds: t.stringList({
      description:
        'Data subjects whose records were returned (shown or masked). A subject sees only their own id here.',
      resolve: (e, _a, ctx) => (ctx.subject ? e.subjectIds.filter((s) => s === ctx.subject!.subjectId) : e.subjectIds),
    }),
    outcome: t.exposeString('outcome', { description: 'SUCCESS, or the code the read was refused with.' }),
    requestId: t.exposeString('requestId', { nullable: true }),
  }),
});
const AccessLogConnection = connectionOf(AccessLogEntryRef, 'DataAccessLogEntry');

const DataSubjectRef = builder.objectRef<DataSubject>('DataSubject').implement({
  description:
    'You, as a data subject: your consents and every read of your records, in ' +
    'the data of the agency that issued your key (and the agencies below it).',
  fields: (t) => ({
    subjectId: t.exposeString('subjectId'),
    issuedBy: t.field({
      type: OrganizationRef,
      description: 'The agency that issued your key.',
      resolve: (s, _a, ctx) => requireOrganization(ctx, s.agencyId),
    }),
    consents: t.field({
      type: ConsentConnection,
      args: pageArgs,
      resolve: (s, args, ctx) => toConnection(args, (page) => ctx.services.data.consents.ofSubject(s, page)),
    }),
    accessLog: t.field({
      type: AccessLogConnection,
      description: 'Who looked at your data: every read that returned your records, newest first.',
      args: pageArgs,
      resolve: async (s, args, ctx) => {
        const scope = await ctx.services.data.consents.subjectScope(s);
        return toConnection(args, (page) => ctx.services.data.accessLog.ofSubject(s.subjectId, scope, page));
      },
    }),
  }),
});

const ChainVerificationRef = builder.objectRef<ChainVerification>('DataAccessLogVerification').implement({
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    checked: t.exposeInt('checked'),
    firstBrokenSeq: t.exposeInt('firstBrokenSeq', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    failedCheck: t.field({ type: ChainCheckEnum, nullable: true, resolve: (v) => v.failedCheck }),
    checkpointSeq: t.exposeInt('checkpointSeq', { nullable: true }),
    problems: t.field({ type: [ChainProblemRef], resolve: (v) => v.problems }),
  }),
});

builder.queryFields((t) => ({
  dataSubject: t.field({
    type: DataSubjectRef,
    description:
      'Sign in with your subject key (`Authorization: Bearer msk_…`, ' + 'from the agency that holds your data).',
    resolve: (_r, _a, ctx) => {
      if (!ctx.subject)
        throw unauthenticated(
          'Send your subject key: `Authorization: Bearer msk_…`. The agency holding your data issues it.',
        );
      return ctx.subject;
    },
  }),
  verifyDataAccessLog: t.field({
    type: ChainVerificationRef,
    description:
      'Walks the whole access log and reports the first broken link; against a signed checkpoint (by default the ' +
      'latest this hub published), also truncation and re-hashing (platform admins).',
    args: {
      checkpoint: t.arg({
        type: SignedCheckpointInput,
        required: false,
        description: 'A checkpoint of the data-access log; refused unless signed by this hub.',
      }),
    },
    resolve: (_r, args, ctx) => {
      requireScope(ctx.viewer, 'READ');
      if (!isPlatformAdmin(ctx.viewer)) throw forbidden('Only platform admins verify the access log.');
      return ctx.services.data.accessLog.verify(args.checkpoint ? { checkpoints: [args.checkpoint] } : {});
    },
  }),
}));

builder.objectFields(DataConnectionRef, (t) => ({
  consents: t.field({
    type: ConsentConnection,
    description: 'Consents recorded for this connection. The owning agency only.',
    args: { ...pageArgs, subjectId: t.arg.string({ required: false }) },
    resolve: (c, args, ctx) =>
      toConnection(args, (page) =>
        ctx.services.data.consents.ofConnection(ctx.viewer, c, args.subjectId ?? null, page),
      ),
  }),
  accessLog: t.field({
    type: AccessLogConnection,
    description: "Every read of this connection's records, newest first. The owning agency only.",
    args: pageArgs,
    resolve: (c, args, ctx) =>
      toConnection(args, (page) => ctx.services.data.accessLog.ofConnection(ctx.viewer, c, page)),
  }),
}));

const RecordConsentInput = zodInput('RecordConsentInput', recordConsentInput);
const ConsentPayload = builder.objectRef<{ consent: Consent }>('DataConsentPayload').implement({
  fields: (t) => ({ consent: t.field({ type: ConsentRef, resolve: (p) => p.consent }) }),
});
const SubjectKeyPayload = builder.objectRef<{ key: string; subjectId: string }>('SubjectKeyPayload').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Shown once: hand it to the person; it is stored only as a hash.' }),
    subjectId: t.exposeString('subjectId'),
  }),
});
const describe = ({ consent }: { consent: Consent }) => ({
  targetId: consent._id,
  organizationId: consent.ownerAgencyId,
});

builder.mutationFields((t) => ({
  recordConsent: t.field({
    type: ConsentPayload,
    description: "Record a data subject's consent (agency admins of the owner, after verifying the person).",
    args: { input: t.arg({ type: RecordConsentInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'dataConsent.record',
        { targetId: peekId(input.connectionId) },
        async () => {
          const { connectionId, requesterOrganizationId, requesterPlugin, ...terms } = fromGraphQL(
            RecordConsentInput,
            input,
          );
          const requester = { organizationId: requesterOrganizationId ?? null, pluginName: requesterPlugin ?? null };
          return {
            consent: await ctx.services.data.consents.record(ctx.viewer, connectionId, { ...terms, requester }),
          };
        },
        describe,
      ),
  }),
  revokeConsent: t.field({
    type: ConsentPayload,
    description:
      'Revoke a consent: the data subject (with a subject key) or the ' +
      "owning agency's admins. The next read no longer shows the fields.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'dataConsent.revoke',
        { targetId: peekId(args.id) },
        async () => ({
          consent: await ctx.services.data.consents.revoke(
            { viewer: ctx.viewer, subject: ctx.subject },
            parseId(args.id, 'DataConsent'),
          ),
        }),
        describe,
      ),
  }),
  revokeSubjectKeys: t.field({
    type: 'Int',
    description:
      'Revoke every subject key your agency issued for this ' +
      'person (agency admins with an ADMIN key). Returns how many.',
    args: { subjectId: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(ctx, 'dataSubjectKey.revoke', { organizationId: ctx.viewer?.organization._id ?? null }, () =>
        ctx.services.data.consents.revokeSubjectKeys(ctx.viewer, args.subjectId),
      ),
  }),
  issueSubjectKey: t.field({
    type: SubjectKeyPayload,
    description:
      'Issue a person their key to `dataSubject` (agency admins with an ADMIN key, after verifying who the person is).',
    args: { subjectId: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(ctx, 'dataSubjectKey.issue', { organizationId: ctx.viewer?.organization._id ?? null }, async () => {
        const { key, record } = await ctx.services.data.consents.issueSubjectKey(ctx.viewer, args.subjectId);
        return { key, subjectId: record.subjectId };
      }),
  }),
}));
