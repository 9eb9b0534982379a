/**
 * A capability a plugin asks the hub for in its manifest. The hub grants a
 * subset of them when an operator enables the plugin; anything not granted is
 * refused at call time with a coded error.
 *
 * - `kv` — plugin-scoped key/value storage (`ctx.kv`).
 * - `fetch` — outbound HTTP limited to the hosts listed in {@link PluginManifest.hosts}.
 * - `data:read` — reads of the data connections the plugin was granted.
 * - `events:emit` / `events:receive` — the hub events the manifest declares.
 */
export type Capability = 'kv' | 'fetch' | 'data:read' | 'events:emit' | 'events:receive';

/** Every capability the plugin API knows, in a stable order. */
export const CAPABILITIES: readonly Capability[] = ['kv', 'fetch', 'data:read', 'events:emit', 'events:receive'];

/**
 * The serializable description of a plugin: what it is, who publishes it, what
 * it contributes and what it needs. The hub reads it before running any of the
 * plugin's code.
 *
 * @example
 * ```ts
 * const manifest: PluginManifest = {
 *   name: '@acme/maru-address',
 *   version: '1.0.0',
 *   publisher: 'Acme Inc.',
 *   compatibility: '^1.0.0',
 *   capabilities: ['fetch'],
 *   hosts: ['api.acme.example'],
 *   services: [{ key: 'address-lookup', name: 'Address lookup', operations: [] }],
 * };
 * ```
 */
export interface PluginManifest {
  /** npm package name of the plugin. */
  name: string;
  /** Exact semver version of the plugin package. */
  version: string;
  /** Display name of the publishing organization. */
  publisher: string;
  /** Semver range of the plugin API ({@link PLUGIN_API_VERSION}) the plugin was built for. */
  compatibility: string;
  /** Capabilities the plugin asks for. Defaults to none. */
  capabilities?: Capability[];
  /** Hosts `ctx.fetch` may reach; required when `fetch` is asked for. */
  hosts?: string[];
  /** Shared services the plugin contributes. */
  services?: ServiceManifest[];
  /** Data connectors the plugin contributes (plugin API 1.1): sources a data connection can read from. */
  connectors?: ConnectorManifest[];
  /** Hub events the plugin emits or listens to. */
  events?: { emits?: string[]; receives?: string[] };
  /** JSON Schema of the plugin's configuration, validated when an operator enables it. */
  config?: JsonSchema;
  /** Files of the package the plugin reads through `ctx.assets` (plugin API 2), relative to the package root, e.g. `data/addresses.json`. */
  assets?: string[];
  /**
   * Kinds of document the plugin issues: the hub holds each one it issues through `issueDocument` for its holder (an
   * organization or a person), who presents it by reference instead of uploading it again. Ignored by hubs that
   * predate it.
   */
  issues?: DocumentTypeManifest[];
}

/**
 * A kind of document a plugin issues, and which of its service's operations issue, verify and revoke it.
 *
 * The operations keep one contract so the hub can hold any issuer's documents: `issue` (a mutation) answers the
 * signed document `{ id, payload: { issuedAt, expiresAt, … }, signature }`; `verify` (a query) takes
 * `{ certificate: <that document> }` and answers `{ valid, reason?, message }`; `revoke` (a mutation) takes
 * `{ id, reason }`.
 *
 * @example
 * ```ts
 * const issues: DocumentTypeManifest[] = [
 *   {
 *     type: 'business-registration',
 *     name: 'Business registration proof',
 *     service: 'document-issuance',
 *     issue: 'issue',
 *     issueInput: { kind: 'BUSINESS_REGISTRATION_PROOF' },
 *     verify: 'verify',
 *     revoke: 'revoke',
 *   },
 * ];
 * ```
 */
export interface DocumentTypeManifest {
  /** The type holders present and challenges require, kebab-case and unique within the hub: `business-registration`. */
  type: string;
  /** Human-readable name, e.g. `Business registration proof`. */
  name: string;
  /** Key of the plugin's service whose operations issue, verify and revoke it. */
  service: string;
  /** Name of the service's mutation that issues the document. */
  issue: string;
  /** Input fields the hub sets when it issues this type (they win over the caller's), e.g. `{ kind: 'BUSINESS_REGISTRATION_PROOF' }`. */
  issueInput?: { [key: string]: unknown };
  /** Name of the service's query that checks a document. */
  verify: string;
  /** Name of the service's mutation that revokes a document; without it documents of this type cannot be revoked through the hub. */
  revoke?: string;
}

/**
 * A service's name and description in one language. Either may be left out;
 * the hub then shows the service's own `name` or `description`.
 */
export interface ServiceTexts {
  /** The service's name in this language. */
  name?: string;
  /** What the service does, in this language. */
  description?: string;
  /** What each operation does, in this language, by operation name: `{ search: '주소를 찾습니다.' }`. */
  operations?: { [operationName: string]: string };
}

/** A shared service as declared in a plugin manifest. */
export interface ServiceManifest {
  /** Stable key, unique within the hub (kebab-case). */
  key: string;
  /** Human-readable name, in the plugin's main language (the one shown when no translation fits). */
  name: string;
  /** What the service does, in a sentence or two. */
  description?: string;
  /**
   * The name and description in other languages, by language tag (`ko`, `en`, `ko-KR`): the portal shows the
   * reader's language and GraphQL callers ask for one with `name(lang: "ko")`. Optional; hubs that predate it
   * ignore it and show `name` and `description`.
   *
   * @example
   * ```ts
   * const i18n = { ko: { name: '주소 검색', description: '도로명주소를 찾습니다.' } };
   * ```
   */
  i18n?: { [lang: string]: ServiceTexts };
  /** Catalogue category, e.g. `identity`, `documents`, `notifications`. */
  category?: string;
  /** The operations callers may invoke. */
  operations: OperationManifest[];
}

/**
 * A data connector as declared in a plugin manifest. A data connection that
 * reads from it names the plugin and the connector's `key`, and sets a config
 * that must match `config`.
 *
 * @example
 * ```ts
 * const connector: ConnectorManifest = {
 *   key: 'erp-invoices',
 *   name: 'ERP invoices',
 *   config: { type: 'object', properties: { year: { type: 'integer' } }, required: ['year'] },
 * };
 * ```
 */
export interface ConnectorManifest {
  /** Stable key, unique within the plugin (kebab-case). */
  key: string;
  /** Human-readable name. */
  name: string;
  /** What the connector reads. */
  description?: string;
  /** JSON Schema (draft 2020-12) of a connection's connector config. */
  config?: JsonSchema;
}

/** One operation of a service: a query (no side effects) or a mutation. */
export interface OperationManifest {
  /** Stable name within the service (camelCase). */
  name: string;
  /** `query` for reads, `mutation` for anything with side effects. */
  kind: 'query' | 'mutation';
  /** What the operation does. */
  description?: string;
  /** JSON Schema (draft 2020-12) of the input; the hub generates GraphQL input types from it. */
  input?: JsonSchema;
  /** JSON Schema (draft 2020-12) of the output. */
  output?: JsonSchema;
}

/** A JSON Schema document, as produced by `z.toJSONSchema`. */
export type JsonSchema = { [key: string]: unknown };
