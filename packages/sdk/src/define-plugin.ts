import { z } from 'zod';
import type { PluginContext } from './context.js';
import { connectorManifest, type ConnectorDefinition } from './define-connector.js';
import type { Capability, DocumentTypeManifest, PluginManifest, ServiceManifest, ServiceTexts } from './manifest.js';

/** Marks objects made by {@link definePlugin}, so the hub recognises them across package copies. */
export const PLUGIN_BRAND = Symbol.for('maru.plugin');

/** One operation with its schemas and handler, as {@link defineOperation} returns it. */
export interface OperationDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'mutation';
  description?: string;
  input: I;
  output: O;
  handler: (input: z.output<I>, ctx: PluginContext) => Promise<z.input<O>> | z.input<O>;
}

/** A service and its operations, as {@link defineService} returns it. */
export interface ServiceDefinition {
  key: string;
  name: string;
  description?: string;
  /** The name and description in other languages, by language tag: see {@link ServiceManifest.i18n}. */
  i18n?: { [lang: string]: ServiceTexts };
  category?: string;
  operations: Record<string, OperationDefinition>;
}

/** What {@link definePlugin} takes. */
export interface PluginOptions<C extends z.ZodType = z.ZodType> {
  /** npm package name. */
  name: string;
  /** Exact semver version. */
  version: string;
  /** Display name of the publishing organization. */
  publisher: string;
  /** Semver range of the plugin API the plugin was built for, e.g. `^1.0.0`. */
  compatibility: string;
  /** Capabilities asked for; none by default. */
  capabilities?: Capability[];
  /** Hosts `ctx.fetch` may reach (with the `fetch` capability). */
  hosts?: string[];
  /** Schema of the configuration an operator sets when enabling the plugin. */
  config?: C;
  /** The services the plugin contributes; may be left out by a plugin that contributes connectors only. */
  services?: ServiceDefinition[];
  /** The data connectors the plugin contributes (see {@link defineConnector}); none by default. */
  connectors?: ConnectorDefinition[];
  /** Handlers for hub events the plugin receives (capability `events:receive`). */
  on?: Record<string, (payload: unknown, ctx: PluginContext) => Promise<void> | void>;
  /** Events the plugin emits (capability `events:emit`). */
  emits?: string[];
  /** Files of the package read through `ctx.assets`, relative to the package root (plugin API 2). */
  assets?: string[];
  /** Kinds of document the plugin issues, which the hub holds for their holders; none by default. */
  issues?: DocumentTypeManifest[];
}

/** A plugin: its serializable manifest plus the implementation the hub runs. */
export interface PluginDefinition<C extends z.ZodType = z.ZodType> {
  readonly [PLUGIN_BRAND]: true;
  /** Plain data: safe to send between threads, print and validate. */
  readonly manifest: PluginManifest;
  readonly services: ServiceDefinition[];
  readonly connectors: ConnectorDefinition[];
  readonly config: C | undefined;
  readonly on: Record<string, (payload: unknown, ctx: PluginContext) => Promise<void> | void>;
}

/**
 * Declares one operation. The handler's `input` type is inferred from the
 * input schema and its return value is checked against the output schema.
 *
 * @example
 * ```ts
 * const lookup = defineOperation({
 *   kind: 'query',
 *   input: z.object({ query: z.string().min(2) }),
 *   output: z.object({ matches: z.array(z.string()) }),
 *   handler: async ({ query }, ctx) => ({ matches: [query.toUpperCase()] }),
 * });
 * ```
 */
export function defineOperation<I extends z.ZodType, O extends z.ZodType>(
  operation: OperationDefinition<I, O>,
): OperationDefinition<I, O> {
  return operation;
}

/** Declares a service: a stable key, a name and its operations by name. */
export function defineService(service: ServiceDefinition): ServiceDefinition {
  return service;
}

/**
 * Declares a plugin. Returns its manifest — plain, serializable data the hub
 * validates before running any of the plugin's code — and the implementation.
 * Registers nothing: the hub decides whether and how to load it.
 *
 * @example
 * ```ts
 * export default definePlugin({
 *   name: '@acme/maru-hello',
 *   version: '1.0.0',
 *   publisher: 'Acme Inc.',
 *   compatibility: '^1.0.0',
 *   services: [defineService({ key: 'hello', name: 'Hello', operations: { greet } })],
 * });
 * ```
 */
export function definePlugin<C extends z.ZodType = z.ZodType>(options: PluginOptions<C>): PluginDefinition<C> {
  const manifest: PluginManifest = {
    name: options.name,
    version: options.version,
    publisher: options.publisher,
    compatibility: options.compatibility,
    capabilities: [...(options.capabilities ?? [])],
    hosts: [...(options.hosts ?? [])],
    services: (options.services ?? []).map(serviceManifest),
    // Left out when empty, so the manifest of a plugin without connectors is what plugin API 1.0 produced.
    ...(options.connectors?.length ? { connectors: options.connectors.map(connectorManifest) } : {}),
    events: { emits: [...(options.emits ?? [])], receives: Object.keys(options.on ?? {}) },
    ...(options.config ? { config: z.toJSONSchema(options.config) as Record<string, unknown> } : {}),
    ...(options.assets?.length ? { assets: [...options.assets] } : {}),
    ...(options.issues?.length ? { issues: options.issues.map((issued) => ({ ...issued })) } : {}),
  };
  return Object.freeze({
    [PLUGIN_BRAND]: true as const,
    manifest,
    services: options.services ?? [],
    connectors: [...(options.connectors ?? [])],
    config: options.config,
    on: { ...(options.on ?? {}) },
  });
}

function serviceManifest(service: ServiceDefinition): ServiceManifest {
  return {
    key: service.key,
    name: service.name,
    ...(service.description ? { description: service.description } : {}),
    ...(service.i18n && Object.keys(service.i18n).length ? { i18n: copyTexts(service.i18n) } : {}),
    ...(service.category ? { category: service.category } : {}),
    operations: Object.entries(service.operations).map(([name, op]) => ({
      name,
      kind: op.kind,
      ...(op.description ? { description: op.description } : {}),
      input: z.toJSONSchema(op.input, { io: 'input' }) as Record<string, unknown>,
      output: z.toJSONSchema(op.output, { io: 'output' }) as Record<string, unknown>,
    })),
  };
}

/** True for values made by {@link definePlugin}, also from another copy of the SDK. */
export function isPluginDefinition(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGIN_BRAND] === true;
}

function copyTexts(i18n: { [lang: string]: ServiceTexts }): { [lang: string]: ServiceTexts } {
  return Object.fromEntries(
    Object.entries(i18n).map(([lang, texts]) => [
      lang,
      {
        ...(texts.name ? { name: texts.name } : {}),
        ...(texts.description ? { description: texts.description } : {}),
        ...(texts.operations && Object.keys(texts.operations).length ? { operations: { ...texts.operations } } : {}),
      },
    ]),
  );
}
