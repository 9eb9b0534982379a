import { MaruError } from '../errors.js';
import type { PluginDataAnswer, PluginDataReadRequest } from './plugin-runner.js';

/** A plugin's `ctx.data.read`, checked and ready for the data module. */
export interface PluginDataRequest {
  pluginName: string;
  /** The caller of the plugin call (global ids, as the plugin sees them). */
  caller: { organizationId: string | null; memberId: string | null };
  /** Global id of the DataConnection, as the plugin passed it. */
  connectionId: string;
  fields?: string[];
  /** 1–1000; the host applies the default (100) and the cap before calling the reader. */
  limit?: number;
  purpose?: string;
  requestId: string | null;
}

/**
 * Answers a plugin's data read: the data module applies classification,
 * approval and consent rules and writes the access log. Throw a MaruError:
 * FORBIDDEN, NOT_FOUND or CAPABILITY_DENIED reach the plugin as a capability
 * refusal, BAD_USER_INPUT as an Error with its message; anything else as a
 * generic failure (and is logged).
 */
export type PluginDataReader = (request: PluginDataRequest) => Promise<Array<Record<string, unknown>>>;

export const DATA_READ_LIMIT = { default: 100, max: 1000 } as const;

const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'CAPABILITY_DENIED']);

/** A limit the reader can trust: an integer in 1–1000, 100 when none (or no number) was given. */
export function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DATA_READ_LIMIT.default;
  return Math.min(DATA_READ_LIMIT.max, Math.max(1, Math.floor(limit)));
}

/**
 * Checks what the plugin sent (it may post anything to its port) into a request for the reader; a message naming the
 * wrong argument otherwise.
 */
function requestOf(pluginName: string, raw: PluginDataReadRequest): PluginDataRequest | string {
  if (typeof raw.connectionId !== 'string' || raw.connectionId.length === 0 || raw.connectionId.length > 200)
    return 'connectionId must be the global id of a DataConnection';
  if (
    raw.fields !== undefined &&
    (!Array.isArray(raw.fields) ||
      raw.fields.length > 500 ||
      !raw.fields.every((f) => typeof f === 'string' && f.length <= 200))
  )
    return 'fields must be a list of field names';
  if (raw.purpose !== undefined && (typeof raw.purpose !== 'string' || raw.purpose.length > 500))
    return 'purpose must be text of at most 500 characters';
  return {
    pluginName,
    caller: raw.caller,
    connectionId: raw.connectionId,
    ...(raw.fields !== undefined ? { fields: raw.fields as string[] } : {}),
    limit: clampLimit(raw.limit),
    ...(raw.purpose !== undefined ? { purpose: raw.purpose as string } : {}),
    requestId: raw.requestId,
  };
}

/** Runs the reader and turns its outcome into what the worker hands the plugin. */
export async function answerDataRead(
  reader: PluginDataReader,
  pluginName: string,
  raw: PluginDataReadRequest,
  logFailure: (error: unknown) => void,
): Promise<PluginDataAnswer> {
  const request = requestOf(pluginName, raw);
  if (typeof request === 'string') return { ok: false, error: { kind: 'input', message: request } };
  try {
    return { ok: true, rows: await reader(request) };
  } catch (error) {
    if (error instanceof MaruError && REFUSALS.has(error.code))
      return { ok: false, error: { kind: 'capability', message: error.message } };
    if (error instanceof MaruError && error.code === 'BAD_USER_INPUT')
      return { ok: false, error: { kind: 'input', message: error.message } };
    // The real cause may name stores, paths or other tenants' data: the log has it, the plugin does not.
    logFailure(error);
    return { ok: false, error: { kind: 'failed', message: 'the data read failed' } };
  }
}
