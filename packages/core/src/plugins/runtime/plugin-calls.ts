/**
 * Calls and metering: a call into a service for a viewer (scope, mode,
 * grant and quota, the call metered whatever its outcome), a hub event's
 * handler run for the outbox, and connector streams. Every failure goes
 * through the one mapping of plugin-errors.ts.
 */
import type { AuditTrail } from '../../audit/index.js';
import type { ServiceCatalogue } from '../../catalogue/index.js';
import type { SourceItem } from '../../data/index.js';
import { badInput, forbidden, MaruError, notFound, unauthenticated } from '../../errors.js';
import { encodeGlobalId } from '../../graphql/global-id.js';
import type { Viewer } from '../../identity/index.js';
import type { HubLogger } from '../../logger.js';
import { operationsOf } from '../../catalogue/index.js';
import { readPluginConnector } from '../plugin-connectors.js';
import { PluginCallError } from '../plugin-runner.js';
import { auditDenied, pluginFailure } from './plugin-errors.js';
import type { Loaded, PluginRegistry } from './plugin-registry.js';

export interface PluginCallsDeps {
  registry: PluginRegistry;
  /** Which services exist, who may call them, and the metering of each call. */
  catalogue: Pick<ServiceCatalogue, 'get' | 'admitCall' | 'completeCall'>;
  audit: AuditTrail;
  logger: HubLogger;
  clock: () => number;
  deadlineMs: number;
}

/** What a call's `ctx` is built from, as the registry holds it now. */
function grantOf(loaded: Loaded) {
  return {
    capabilities: loaded.granted,
    hosts: loaded.manifest.hosts ?? [],
    config: loaded.config ?? undefined,
    emits: loaded.manifest.events?.emits ?? [],
  };
}

export class PluginCalls {
  constructor(private readonly deps: PluginCallsDeps) {}

  /**
   * Calls one operation of a plugin as the hub, for an organization, outside grants and quotas: a document's
   * verification, which the receiving agency asks of the issuer through the hub whether or not it may call the
   * issuer's service itself (the wallet module logs each one instead of metering it).
   */
  async callIssuer(
    pluginName: string,
    serviceKey: string,
    operation: string,
    input: unknown,
    caller: { organizationId: string | null },
    mode: 'live' | 'test',
    requestId: string,
  ): Promise<unknown> {
    const loaded = this.deps.registry.get(pluginName);
    if (!loaded)
      throw new MaruError(
        'PLUGIN_UNAVAILABLE',
        `The plugin ${pluginName} is not running; ask a platform admin to check it.`,
      );
    return this.runAsHub(
      loaded,
      serviceKey,
      operation,
      input,
      { organizationId: caller.organizationId },
      mode,
      requestId,
    );
  }

  /** Calls one operation of a service for the viewer, metered and, for refused capabilities, audited. */
  async call(
    viewer: Viewer | null,
    serviceKey: string,
    operation: string,
    kind: 'query' | 'mutation',
    input: unknown,
    requestId: string,
  ): Promise<unknown> {
    const { registry, catalogue, audit, logger, clock } = this.deps;
    if (!viewer)
      throw unauthenticated('Calling a shared service needs an API key: send `Authorization: Bearer <api key>`.');
    const service = await catalogue.get(serviceKey);
    if (!service) throw notFound('service', serviceKey);
    const operations = operationsOf(service);
    const op = operations.find((o) => o.name === operation);
    if (!op)
      throw badInput(
        'operation',
        `\`operation\`: ${serviceKey} has no operation "${operation}"; ` +
          `it has ${operations.map((o) => o.name).join(', ')}.`,
      );
    if (op.kind !== kind)
      throw badInput(
        'operation',
        `\`operation\`: ${operation} is a ${op.kind}; call it ` +
          `with ${op.kind === 'query' ? 'Query.serviceQuery' : 'Mutation.serviceMutation'}.`,
      );
    if (service.status === 'SUSPENDED')
      throw forbidden(`The service ${serviceKey} is suspended; calls are refused until a platform admin resumes it.`);
    const scope = kind === 'query' ? 'READ' : 'WRITE';
    if (!viewer.apiKey.scopes.includes(scope))
      throw forbidden(`This API key lacks the ${scope} scope; create a key with it.`);
    const mode = viewer.apiKey.mode === 'TEST' ? 'test' : 'live';
    const started = clock();
    // Test keys reach the sandbox without grant or quota; live calls need both (and reserve their place in the quota).
    const callId = await catalogue.admitCall(viewer, serviceKey, operation, mode);
    let outcome = 'SUCCESS';
    try {
      const loaded = service.pluginName ? registry.get(service.pluginName) : undefined;
      if (!loaded)
        throw new MaruError(
          'PLUGIN_UNAVAILABLE',
          `The plugin behind ${serviceKey} is not running; ask a platform admin to check it.`,
        );
      try {
        const output = await loaded.runner.call({
          service: serviceKey,
          operation,
          input,
          caller: {
            organizationId: encodeGlobalId('Organization', viewer.organization._id),
            memberId: encodeGlobalId('Member', viewer.member._id),
          },
          mode,
          deadlineMs: this.deps.deadlineMs,
          ...grantOf(loaded),
          requestId,
        });
        // Checked here, not only by the plugin's own schema in its realm: output the API cannot send is the plugin's
        // failure.
        try {
          JSON.stringify(output);
        } catch {
          throw new PluginCallError(
            'PLUGIN_FAILED',
            'the plugin returned output that is not JSON (a cycle or a BigInt)',
          );
        }
        return output;
      } catch (error) {
        const mapped = pluginFailure(error, loaded.manifest.name, logger);
        if (mapped.code === 'CAPABILITY_DENIED')
          await auditDenied(audit, loaded.manifest.name, requestId, {
            memberId: viewer.member._id,
            organizationId: viewer.organization._id,
          });
        throw mapped;
      }
    } catch (error) {
      outcome = error instanceof MaruError ? error.code : 'INTERNAL';
      throw error;
    } finally {
      await catalogue.completeCall(callId, outcome, Math.max(0, clock() - started));
    }
  }

  /**
   * Calls one operation of a service for the hub itself, on behalf of an organization and member (the notices module
   * sending to a member's own webhook or e-mail): no API key, grant or quota, as the member asked for it by choosing
   * the channel; the call is not metered against the organization. Rejects when the service or its plugin is not
   * running, or the plugin fails.
   */
  async callForHub(
    serviceKey: string,
    operation: string,
    input: unknown,
    onBehalfOf: { organizationId: string; memberId: string },
    requestId: string,
  ): Promise<unknown> {
    const service = await this.deps.catalogue.get(serviceKey);
    const loaded = service?.pluginName ? this.deps.registry.get(service.pluginName) : undefined;
    if (!service || !loaded || service.status === 'SUSPENDED')
      throw new MaruError('PLUGIN_UNAVAILABLE', `The service ${serviceKey} is not running on this hub.`);
    return this.runAsHub(loaded, serviceKey, operation, input, onBehalfOf, 'live', requestId);
  }

  /**
   * One operation run for the hub itself (document checks, notices), outside grants, quotas and metering: the caller
   * named is who the hub acts for, as the plugin sees it in `ctx.caller`.
   */
  private async runAsHub(
    loaded: Loaded,
    serviceKey: string,
    operation: string,
    input: unknown,
    caller: { organizationId: string | null; memberId?: string | null },
    mode: 'live' | 'test',
    requestId: string,
  ): Promise<unknown> {
    try {
      return await loaded.runner.call({
        service: serviceKey,
        operation,
        input,
        caller: {
          organizationId: caller.organizationId && encodeGlobalId('Organization', caller.organizationId),
          memberId: caller.memberId ? encodeGlobalId('Member', caller.memberId) : null,
        },
        mode,
        deadlineMs: this.deps.deadlineMs,
        ...grantOf(loaded),
        requestId,
      });
    } catch (error) {
      throw pluginFailure(error, loaded.manifest.name, this.deps.logger);
    }
  }

  /**
   * Runs one plugin's `on` handler for a hub event (the outbox's delivery, runtime/plugin-deliveries.ts); rejects
   * when the handler fails or exceeds a call's deadline.
   */
  runEventHandler(loaded: Loaded, event: { name: string; payload: Record<string, unknown> }): Promise<unknown> {
    return loaded.runner.call({
      service: '',
      operation: '',
      input: null,
      caller: { organizationId: null, memberId: null },
      mode: 'live',
      deadlineMs: this.deps.deadlineMs,
      ...grantOf(loaded),
      event,
    });
  }

  /**
   * Streams the records of a connector an enabled plugin contributes, running
   * its generator in the plugin's engine only as far as the stream is read.
   * Throws BAD_USER_INPUT at once (`connector.plugin`, `connector.connector`)
   * for a plugin that is not enabled or a connector its manifest does not
   * declare; the stream throws BAD_USER_INPUT (`connector.config`) for a config
   * the connector's schema refuses, a SourceError when the plugin fails, crashes
   * or takes longer than a call's deadline for a batch, and the signal's reason
   * when `signal` is aborted (the plugin's generator is then returned).
   */
  openConnector(
    pluginName: string,
    connectorKey: string,
    config: unknown,
    signal: AbortSignal,
  ): AsyncIterable<SourceItem> {
    const loaded = this.connectorOf(pluginName, connectorKey);
    const { deadlineMs } = this.deps;
    const name = loaded.manifest.name;
    return readPluginConnector({
      // The grant is read when the stream opens, so capabilities changed meanwhile apply.
      open: () =>
        loaded.runner.openConnector(
          connectorKey,
          config,
          { caller: { organizationId: null, memberId: null }, mode: 'live', ...grantOf(loaded) },
          deadlineMs,
        ),
      signal,
      deadlineMs,
      onFailure: (error) => {
        this.deps.logger.warn(
          { plugin: name, connector: connectorKey, reason: error.message },
          'plugin connector failed',
        );
        if (error.code === 'CAPABILITY_DENIED') void auditDenied(this.deps.audit, name, null);
      },
    });
  }

  /**
   * Checks a connector config when a connection is created or changed: the same refusals as {@link openConnector},
   * before anything runs.
   */
  async checkConnectorConfig(pluginName: string, connectorKey: string, config: unknown): Promise<void> {
    const loaded = this.connectorOf(pluginName, connectorKey);
    const problems = await loaded.runner.checkConnectorConfig(connectorKey, config).catch((error: unknown) => {
      throw pluginFailure(error, loaded.manifest.name, this.deps.logger);
    });
    if (problems.length)
      throw badInput(
        'connector.config',
        `\`connector.config\` does not match the connector's schema: ${problems.join('; ')}`,
      );
  }

  private connectorOf(pluginName: string, connectorKey: string): Loaded {
    const loaded = typeof pluginName === 'string' ? this.deps.registry.get(pluginName) : undefined;
    if (!loaded)
      throw badInput(
        'connector.plugin',
        `\`connector.plugin\`: no enabled plugin is named ` +
          `"${String(pluginName).slice(0, 214)}"; a platform admin lists them with \`plugins\`.`,
      );
    const keys = (loaded.manifest.connectors ?? []).map((c) => c.key);
    if (!keys.includes(connectorKey))
      throw badInput(
        'connector.connector',
        `\`connector.connector\`: ${loaded.manifest.name} has no connector ` +
          `"${String(connectorKey).slice(0, 64)}"; it has ${keys.join(', ') || 'none'}.`,
      );
    return loaded;
  }
}
