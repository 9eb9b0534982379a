import type { ConnectorManifest } from '@maru/sdk';
import { ServiceRef } from '../catalogue/index.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { fromGraphQL, zodArgs } from '../graphql/zod-input.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import {
  DELIVERY_STATUSES,
  manifestOf,
  type InstalledPlugin,
  type PluginEventDelivery,
  type PublisherKey,
} from './model.js';
import { publisherKeyInput } from './publisher-keys.js';
import { notFound } from '../errors.js';
import { parseId } from '../graphql/global-id.js';
import { isPlatformAdmin, OrganizationRef } from '../identity/index.js';

const ConnectorRef = builder.objectRef<ConnectorManifest>('PluginConnector').implement({
  description: 'A data connector a plugin contributes: a source a data connection can read its records from.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'Unique within the plugin; a data connection names it with the plugin.',
    }),
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (c) => c.description ?? null }),
    configSchema: t.field({
      type: 'JSON',
      nullable: true,
      description: "JSON Schema of a data connection's connector config.",
      resolve: (c) => c.config ?? null,
    }),
  }),
});

const PluginIsolation = builder.enumType('PluginIsolation', {
  description: "How a plugin's code is confined.",
  values: {
    ISOLATE: {
      description: 'A plugin of API 2: its bundle runs in a V8 isolate of the plugin host, with ctx as its only door.',
    },
    UNCONFINED: {
      description:
        'A legacy plugin of API 1, loaded because the operator allowed legacy plugins: ' +
        "its code runs in a worker thread with Node's APIs within its plugin host.",
    },
  } as const,
});

export const PluginRef = builder.objectRef<InstalledPlugin>('Plugin').implement({
  description: 'A plugin the hub loaded, or refused with the problems named.',
  fields: (t) => ({
    name: t.string({ resolve: (p) => p._id }),
    version: t.exposeString('version'),
    publisher: t.exposeString('publisher'),
    status: t.exposeString('status', { description: 'ENABLED, or FAILED with `problems`.' }),
    problems: t.exposeStringList('problems', {
      nullable: true,
      description: 'Why it failed to load. Platform admins only.',
      authScopes: { $all: { keyScope: 'READ', platformAdmin: true } },
    }),
    requestedCapabilities: t.stringList({ resolve: (p) => manifestOf(p)?.capabilities ?? [] }),
    grantedCapabilities: t.stringList({
      nullable: true,
      description: 'Platform admins only.',
      authScopes: { $all: { keyScope: 'READ', platformAdmin: true } },
      resolve: (p) => p.grantedCapabilities,
    }),
    configSchema: t.field({
      type: 'JSON',
      nullable: true,
      description:
        "JSON Schema of the configuration `setPluginConfig` takes, from the plugin's manifest; null when it takes none. " +
        'Platform admins only.',
      authScopes: { $all: { keyScope: 'READ', platformAdmin: true } },
      resolve: (p) => manifestOf(p)?.config ?? null,
    }),
    configured: t.boolean({
      nullable: true,
      description:
        'Whether an operator set a configuration. The configuration itself is never returned: it may hold secrets. ' +
        'Platform admins only.',
      authScopes: { $all: { keyScope: 'READ', platformAdmin: true } },
      resolve: (p) => Boolean(p.configJson),
    }),
    isolation: t.field({
      type: PluginIsolation,
      description:
        'ISOLATE: its bundle runs in a V8 isolate whose only door is ctx. UNCONFINED: a legacy plugin of ' +
        "API 1, loaded because the operator allowed it; its code has Node's APIs within its plugin host.",
      resolve: (p) => p.isolation ?? 'UNCONFINED',
    }),
    signedBy: t.string({
      nullable: true,
      description: 'The registered key that signed it; null when loaded unsigned under the development flag.',
      resolve: (p) => p.signedBy,
    }),
    hosts: t.stringList({ description: 'Hosts its ctx.fetch may reach.', resolve: (p) => manifestOf(p)?.hosts ?? [] }),
    connectors: t.field({
      type: [ConnectorRef],
      description: 'The data connectors it contributes.',
      resolve: (p) => manifestOf(p)?.connectors ?? [],
    }),
    loadedAt: t.field({ type: 'DateTime', resolve: (p) => p.loadedAt }),
  }),
});

// The catalogue's services name the plugin behind them; the plugins module adds that field.
builder.objectField(ServiceRef, 'plugin', (t) =>
  t.field({
    type: PluginRef,
    nullable: true,
    resolve: (s, _a, ctx) => (s.pluginName ? ctx.loaders.byId(ctx.services.plugins, s.pluginName) : null),
  }),
);

const DeliveryStatusEnum = builder.enumType('PluginEventDeliveryStatus', {
  description: 'PENDING: due now or after a backoff. DELIVERED: the handler ran. FAILED: every attempt failed.',
  values: DELIVERY_STATUSES,
});

const PluginEventDeliveryRef = builder.objectRef<PluginEventDelivery>('PluginEventDelivery').implement({
  description:
    "A hub event handed to one plugin's `on` handler: recorded once by the hub whose change caused it, delivered " +
    'once by one hub, retried with a backoff when the handler fails.',
  fields: (t) => ({
    plugin: t.exposeString('plugin', { description: 'The receiving plugin (package name).' }),
    event: t.exposeString('event', { description: 'e.g. `challenge.closed`.' }),
    payload: t.field({ type: 'JSON', resolve: (d) => JSON.parse(d.payloadJson) as unknown }),
    status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts', { description: 'Attempts finished.' }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.nextAttemptAt }),
    lastError: t.exposeString('lastError', { nullable: true, description: "The last failed attempt's reason." }),
    createdAt: t.field({ type: 'DateTime', resolve: (d) => d.createdAt }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.deliveredAt }),
  }),
});

builder.queryFields((t) => ({
  pluginEventDeliveries: t.field({
    type: connectionOf(PluginEventDeliveryRef, 'PluginEventDelivery'),
    description: "Hub events handed to plugins' `on` handlers, newest first. Platform admins only.",
    authScopes: { $all: { keyScope: 'READ', platformAdmin: true } },
    args: {
      ...pageArgs,
      status: t.arg({ type: DeliveryStatusEnum, required: false }),
      plugin: t.arg.string({ required: false, description: 'One plugin (package name).' }),
    },
    resolve: (_r, args, ctx) =>
      toConnection(args, (page) =>
        ctx.services.plugins.eventDeliveries(
          ctx.viewer,
          { status: args.status ?? null, plugin: args.plugin ?? null },
          page,
        ),
      ),
  }),
  plugins: t.field({
    type: [PluginRef],
    description: 'Every plugin the hub loaded or refused, with its problems. Platform admins only.',
    authScopes: { $all: { keyScope: 'READ', platformAdmin: true } },
    resolve: (_r, _a, ctx) => ctx.services.plugins.installed(),
  }),
  serviceQuery: t.field({
    type: 'JSON',
    nullable: true,
    description:
      'Call a query operation of a shared service (READ key). ' +
      "The input is checked against the operation's `inputSchema`.",
    args: {
      service: t.arg.string({ required: true }),
      operation: t.arg.string({ required: true }),
      input: t.arg({ type: 'JSON', required: false }),
    },
    resolve: (_r, args, ctx) => {
      ctx.caching.sideEffects = true; // metered per call
      return ctx.services.plugins.call(
        ctx.viewer,
        args.service,
        args.operation,
        'query',
        args.input ?? {},
        ctx.requestId,
      );
    },
  }),
}));

builder.mutationField('serviceMutation', (t) =>
  t.field({
    type: 'JSON',
    nullable: true,
    description: 'Call a mutation operation of a shared service (WRITE key). Audited and metered.',
    args: {
      service: t.arg.string({ required: true }),
      operation: t.arg.string({ required: true }),
      input: t.arg({ type: 'JSON', required: false }),
    },
    resolve: (_r, args, ctx) =>
      audited(ctx, `service.${args.operation.slice(0, 64)}`, { targetId: args.service.slice(0, 64) }, () =>
        ctx.services.plugins.call(
          ctx.viewer,
          args.service,
          args.operation,
          'mutation',
          args.input ?? {},
          ctx.requestId,
        ),
      ),
  }),
);

const PublisherKeyRef = builder.objectRef<PublisherKey>('PublisherKey').implement({
  description: "A publisher's Ed25519 public key; plugins signed with it load without the development flag.",
  fields: (t) => ({
    keyId: t.string({ resolve: (k) => k._id }),
    publisher: t.exposeString('publisher'),
    publicKey: t.exposeString('publicKey', { description: 'PEM (SPKI).' }),
    registeredAt: t.field({ type: 'DateTime', resolve: (k) => k.registeredAt }),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The organization the key speaks for: only its keys sign the pilot packages it uploads.',
      resolve: (k, _a, ctx) => (k.organizationId ? ctx.services.organizations.get(k.organizationId) : null),
    }),
  }),
});

const PublisherKeyArgs = zodArgs(publisherKeyInput);
builder.queryField('publisherKeys', (t) =>
  t.field({
    type: [PublisherKeyRef],
    description: 'The publisher keys this hub trusts, newest first (at most 1,000). Platform admins only.',
    authScopes: { $all: { keyScope: 'READ', platformAdmin: true } },
    resolve: async (_r, _a, ctx) =>
      (await ctx.services.plugins.trustedKeys()).sort((a, b) => b.registeredAt.localeCompare(a.registeredAt)),
  }),
);

builder.mutationField('registerPublisherKey', (t) =>
  t.field({
    type: PublisherKeyRef,
    description:
      "Trust a plugin publisher's Ed25519 public key (platform admins). Takes effect when plugins next load.",
    args: {
      ...PublisherKeyArgs.args,
      organizationId: t.arg.id({
        required: false,
        description: 'The company the key belongs to: its keys sign the pilot packages it uploads when it wins.',
      }),
    },
    resolve: (_r, args, ctx) =>
      audited(ctx, 'publisherKey.register', { targetId: args.keyId.slice(0, 64) }, async () => {
        const organizationId = args.organizationId
          ? parseId(args.organizationId, 'Organization', 'organizationId')
          : null;
        if (organizationId && isPlatformAdmin(ctx.viewer) && !(await ctx.services.organizations.get(organizationId)))
          throw notFound('organization', String(args.organizationId));
        return ctx.services.plugins.registerPublisherKey(
          ctx.viewer,
          fromGraphQL(
            PublisherKeyArgs,
            { keyId: args.keyId, publisher: args.publisher, publicKey: args.publicKey },
            '',
          ),
          organizationId,
        );
      }),
  }),
);

const pluginMutation = (
  name: string,
  action: string,
  description: string,
  run: (
    ctx: Parameters<typeof audited>[0],
    plugin: string,
    args: { capabilities?: string[] | null },
  ) => Promise<InstalledPlugin>,
  withCapabilities = false,
) =>
  builder.mutationField(name, (t) =>
    t.field({
      type: PluginRef,
      description,
      args: {
        name: t.arg.string({ required: true, description: "The plugin's package name." }),
        ...(withCapabilities ? { capabilities: t.arg.stringList({ required: true }) } : {}),
      },
      resolve: (_r, args, ctx) =>
        audited(ctx, action, { targetId: args.name.slice(0, 214) }, () =>
          run(ctx, args.name.slice(0, 214), args as { capabilities?: string[] | null }),
        ),
    }),
  );

pluginMutation(
  'disablePlugin',
  'plugin.disable',
  'Stop a plugin (platform admins): new calls are refused with PLUGIN_UNAVAILABLE at once, calls in flight finish.',
  (ctx, name) => ctx.services.plugins.disable(ctx.viewer, name),
);
pluginMutation(
  'enablePlugin',
  'plugin.enable',
  'Load a disabled plugin again (platform admins); its signature and manifest are checked anew.',
  (ctx, name) => ctx.services.plugins.enable(ctx.viewer, name),
);
pluginMutation(
  'setPluginCapabilities',
  'plugin.setCapabilities',
  'Grant exactly these capabilities, out of those the plugin asks for (platform ' +
    'admins); the rest are revoked. Takes effect on the next call and survives restarts.',
  (ctx, name, args) => ctx.services.plugins.setCapabilities(ctx.viewer, name, args.capabilities ?? []),
  true,
);

builder.mutationField('setPluginConfig', (t) =>
  t.field({
    type: PluginRef,
    description:
      "Set a plugin's configuration (platform admins). The plugin checks " +
      'it against its own schema first; effective on the next call.',
    args: { name: t.arg.string({ required: true }), config: t.arg({ type: 'JSON', required: true }) },
    resolve: (_r, args, ctx) =>
      audited(ctx, 'plugin.setConfig', { targetId: args.name.slice(0, 214) }, () =>
        ctx.services.plugins.setConfig(ctx.viewer, args.name.slice(0, 214), args.config),
      ),
  }),
);

builder.mutationField('installPlugin', (t) =>
  t.field({
    type: PluginRef,
    description:
      'Install a plugin from an npm package installed on the hub, at an exact version (platform ' +
      'admins). Its signature and manifest are checked; its services join the catalogue in PILOT.',
    args: { package: t.arg.string({ required: true }), version: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(ctx, 'plugin.install', { targetId: args.package.slice(0, 214) }, () =>
        ctx.services.plugins.install(
          ctx.viewer,
          args.package.slice(0, 214),
          args.version.slice(0, 64),
          ctx.services.pilots.resolve,
        ),
      ),
  }),
);

pluginMutation(
  'uninstallPlugin',
  'plugin.uninstall',
  'Stop a plugin and remove its services from the catalogue (platform ' +
    'admins); calls in flight finish, metering and audit history stay.',
  (ctx, name) => ctx.services.plugins.uninstall(ctx.viewer, name),
);
